# dec/01/2026 09:12:44 by RouterOS 7.16.2
# software id = 7QZ2-XK4M
#
# model = RB941-2nD
# serial number = HFXXXXXXXXX
/interface bridge
add name=bridge
/interface list
add name=WAN
add name=LAN
/interface bridge port
add bridge=bridge interface=ether2
add bridge=bridge interface=ether3
/interface list member
add interface=bridge list=LAN
add interface=ether1 list=WAN
/ip address
add address=192.168.88.1/24 interface=bridge network=192.168.88.0
/ip dhcp-client
add interface=ether1
/ip firewall filter
add action=accept chain=input comment="defconf: accept established,related,untracked" \
    connection-state=established,related,untracked
add action=accept chain=input comment="remote winbox" dst-port=8291 protocol=tcp
add action=drop chain=input comment="defconf: drop all not coming from LAN" \
    in-interface-list=!LAN
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
add action=dst-nat chain=dstnat comment="winbox from outside" dst-port=18291 \
    in-interface-list=WAN protocol=tcp to-addresses=192.168.88.1 to-ports=8291
add action=redirect chain=dstnat comment="ssh from outside" dst-port=2222 \
    in-interface-list=WAN protocol=tcp to-ports=22
add action=dst-nat chain=dstnat comment="nas" dst-port=5001 in-interface-list=WAN \
    protocol=tcp to-addresses=192.168.88.20
add action=redirect chain=dstnat comment="dns to router" dst-port=53 \
    in-interface-list=LAN protocol=udp
/ip service
set telnet disabled=yes
set ftp disabled=yes
set www disabled=yes
set api disabled=yes
set api-ssl disabled=yes
/system identity
set name=kato-gw
