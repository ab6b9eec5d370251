# 2026-09-12 21:03:40 by RouterOS 7.15.3
# software id = ZT4N-88QA
#
# model = C52iG-5HaxD2HaxD
# serial number = HGA09XXXXXX
/interface bridge
add admin-mac=78:9A:18:00:11:22 auto-mac=no comment=defconf name=bridge
/interface wifi security
add authentication-types=wpa2-psk,wpa3-psk disable-pmkid=yes name=sec-home \
    passphrase=tanaka2024 wps=disable
/interface wifi configuration
add country=Japan mode=ap name=cfg-home security=sec-home ssid=Tanaka-WiFi
/interface wifi
set [ find default-name=wifi1 ] channel.band=5ghz-ax .skip-dfs-channels=\
    10min-cac .width=20/40/80mhz configuration=cfg-home disabled=no
set [ find default-name=wifi2 ] channel.band=2ghz-ax .width=20/40mhz \
    configuration.country=Japan .mode=ap .ssid=Tanaka-WiFi disabled=no \
    security=sec-home
add configuration.mode=ap .ssid=Tanaka-Guest disabled=yes master-interface=\
    wifi2 name=wifi3 security.authentication-types="" .wps=disable
/interface list
add comment=defconf name=WAN
add comment=defconf name=LAN
/interface bridge port
add bridge=bridge comment=defconf interface=ether2
add bridge=bridge comment=defconf interface=wifi1
add bridge=bridge comment=defconf interface=wifi2
/interface list member
add comment=defconf interface=bridge list=LAN
add comment=defconf interface=ether1 list=WAN
/ip address
add address=192.168.88.1/24 comment=defconf interface=bridge network=\
    192.168.88.0
/ip dhcp-client
add comment=defconf interface=ether1
/ip firewall filter
add action=accept chain=input comment=\
    "defconf: accept established,related,untracked" connection-state=\
    established,related,untracked
add action=drop chain=input comment="defconf: drop invalid" connection-state=\
    invalid
add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
add action=drop chain=input comment="defconf: drop all not coming from LAN" \
    in-interface-list=!LAN
/ip firewall nat
add action=masquerade chain=srcnat comment="defconf: masquerade" \
    ipsec-policy=out,none out-interface-list=WAN
/ip upnp
set enabled=yes
/ip upnp interfaces
add interface=ether1 type=external
add interface=bridge type=internal
/system clock
set time-zone-name=Asia/Tokyo
