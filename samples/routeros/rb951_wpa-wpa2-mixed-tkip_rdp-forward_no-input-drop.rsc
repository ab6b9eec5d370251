# sep/30/2026 18:40:02 by RouterOS 6.49.17
# software id = 3KD1-PQ7M
#
# model = RB951Ui-2nD
# serial number = 8C3409XXXXXX
/interface bridge
add name=bridge-lan
/interface wireless security-profiles
set [ find default=yes ] supplicant-identity=MikroTik
add authentication-types=wpa-psk,wpa2-psk group-ciphers=tkip,aes-ccm mode=\
    dynamic-keys name=office-home supplicant-identity="" unicast-ciphers=\
    tkip,aes-ccm wpa-pre-shared-key="violet-harbor-29-kettle" \
    wpa2-pre-shared-key="violet-harbor-29-kettle"
/interface wireless
set [ find default-name=wlan1 ] band=2ghz-b/g/n disabled=no frequency=2437 \
    mode=ap-bridge security-profile=office-home ssid=Suzuki-Net
/interface pppoe-client
add add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 \
    password=ppp-8f2kq9z user=user01@example.ne.jp
/interface bridge port
add bridge=bridge-lan interface=ether2
add bridge=bridge-lan interface=ether3
add bridge=bridge-lan interface=wlan1
/ip address
add address=192.168.10.1/24 interface=bridge-lan network=192.168.10.0
/ip firewall filter
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward connection-state=invalid
/ip firewall nat
add action=masquerade chain=srcnat out-interface=pppoe-out1
add action=dst-nat chain=dstnat comment="RDP to desk PC" dst-port=3389 \
    in-interface=pppoe-out1 protocol=tcp to-addresses=192.168.10.20 \
    to-ports=3389
add action=dst-nat chain=dstnat comment="camera" dst-port=8080 \
    in-interface=pppoe-out1 protocol=tcp to-addresses=192.168.10.30 to-ports=\
    80
add action=dst-nat chain=dstnat dst-port=53 in-interface=bridge-lan \
    protocol=udp to-addresses=192.168.10.1
/ip service
set telnet disabled=yes
set ftp disabled=yes
set api disabled=yes
set api-ssl disabled=yes
set ssh address=192.168.10.0/24
/system identity
set name=suzuki-gw
