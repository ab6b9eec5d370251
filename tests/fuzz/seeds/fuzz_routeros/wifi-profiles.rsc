/interface wifi security
add authentication-types=wpa3-psk name=s passphrase="x y z 1234"
/interface wifi configuration
add name=c security=s ssid=C security.encryption=ccmp,tkip
/interface wifi
set [ find default-name=wifi1 ] configuration=c disabled=no
add master-interface=wifi1 configuration.ssid=V .mode=station security.authentication-types=owe
