# 2026-07-19 08:00:12 by RouterOS 7.12.1
# software id = AB12-CD34
#
# model = RB2011UiAS-2HnD
# serial number = 49D5XXXXXXXX
/interface wireless security-profiles set [ find default=yes ] supplicant-identity=MikroTik
/interface wireless security-profiles add mode=static-keys-required name=old-printer static-algo-0=104bit-wep static-key-0=0a1b2c3d4e5f60718293a4b5c6 supplicant-identity=""
/interface wireless security-profiles add authentication-types=wpa2-psk mode=dynamic-keys name=uplink supplicant-identity="" wpa2-pre-shared-key="neighbour shared key 4471"
/interface wireless set [ find default-name=wlan1 ] band=2ghz-b/g/n disabled=no mode=station security-profile=uplink ssid=Upstairs-AP
/interface wireless add disabled=no master-interface=wlan1 name=wlan-printer security-profile=old-printer ssid=Printer-Link
/interface/wifi/security add authentication-types=owe name=unused-owe
/ip firewall filter add action=accept chain=input connection-state=established,related
/ip firewall filter add action=drop chain=input in-interface-list=!LAN
/ip service set www-ssl disabled=no
/system identity set name=yamada-ap
