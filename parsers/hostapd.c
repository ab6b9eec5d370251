/*
 * hostapd.c — hostapd.conf (kind "hostapd"): the access points a Linux box
 * (Raspberry Pi and other do-it-yourself routers) serves, for item 6-2.
 *
 * Semantics follow hostap itself (w1.fi hostap; read in the 1g4-mirror/hostap
 * copy, hostapd/config_file.c and src/ap/ap_config.c, and the reference
 * hostapd/hostapd.conf shipped by Debian):
 *  - hostapd_config_read(): one "name=value" per line; a line is a comment
 *    only when it starts with '#'; everything after the first '=' is the
 *    value (no inline comments); a line without '=' is an error.
 *    hostapd compares the name exactly, so "bridge = br0" is the unknown
 *    item "bridge " and hostapd refuses the whole file. edgelint reads such
 *    lines anyway (real files have them) and says so in a note; it also
 *    takes '#' after leading blanks as a comment and a CR before the line
 *    end as part of the line end.
 *  - "bss=IFNAME" starts a new BSS with hostapd_config_defaults_bss():
 *    nothing security-related is inherited. Settings before the first bss=
 *    belong to the main interface. Radio settings (hw_mode, channel,
 *    op_class, driver) are per radio and apply to every BSS.
 *  - Defaults (hostapd_config_defaults_bss): wpa_key_mgmt = WPA-PSK,
 *    wpa_pairwise = TKIP (CCMP only in CONFIG_NO_TKIP builds), rsn_pairwise
 *    unset; hostapd_set_security_params(): "if ((wpa & 2) && rsn_pairwise
 *    == 0) rsn_pairwise = wpa_pairwise". So "wpa=2" with no cipher line is
 *    TKIP-only WPA2, and wpa_pairwise=TKIP + rsn_pairwise=CCMP is CCMP-only.
 *  - hostapd_set_security_params(): wpa set -> WPA; ieee8021x without wpa
 *    -> IEEE 802.1X with dynamic WEP keys; WEP keys without wpa -> static
 *    WEP; otherwise plaintext (open). wpa is a bit field: 1 = WPA, 2 = RSN
 *    (WPA2 and WPA3).
 *  - PMF: ieee80211w per BSS, "0 = disabled (default), 1 = optional,
 *    2 = required"; sae_require_mfp=1 makes SAE associations negotiate
 *    MFP when ieee80211w=1 (hostapd.conf, "Require MFP for all
 *    associations using SAE"), so SAE alone with it is required in effect.
 *  - wpa_passphrase must be 8..63 characters and wpa_psk 64 hex digits;
 *    the later of the two wins. sae_password may repeat; its password ends
 *    at "|mac=", "|vlanid=", "|pk=" or "|id=" (parse_sae_password); SAE
 *    uses wpa_passphrase when no sae_password is set (hostapd_setup_sae_pt).
 *  - WPS: hostapd_config_check_bss() turns WPS off for a hidden SSID, for
 *    WEP, and for WPA without WPA2/CCMP; wps_state 1 and 2 are on. Its
 *    methods: config_methods ("List of the supported configuration
 *    methods", hostapd.conf), read as wps_config_methods_str2bin() reads
 *    it (a substring test: "label", "display" (also virtual_/physical_),
 *    "keypad" are PIN methods, "push_button" (also virtual_/physical_) is
 *    push-button); without it hostapd uses display, keypad and
 *    virtual_display (PIN) and no push-button. ap_pin (a static AP PIN)
 *    is a PIN on. A config_methods without a PIN method does not rule the
 *    PIN out: "The AP PIN can also be set at runtime with hostapd_cli
 *    wps_ap_pin command" (hostapd.conf, ap_pin).
 * Verdict mapping (research file section 1.3 and DESIGN "Meaning of the
 * items"): SAE/SAE-EXT-KEY/FT-SAE alone -> WPA3; SAE with a PSK AKM ->
 * WPA2/WPA3; PSK AKMs -> WPA2; 802.1X AKMs -> enterprise (Suite B alone ->
 * WPA3-Enterprise); OWE alone -> OWE; wpa=1 -> WPA1, wpa=3 -> WPA1+WPA2.
 * When a shared passphrase and 802.1X are both allowed, the network is
 * judged as personal: the passphrase is what a neighbour can attack.
 * Every secret value is registered with the input as soon as it is read.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). hostapd has
 * many settings that bear on security (WPA versions, key management,
 * ciphers, SAE, PMF, WPS, multi-BSS) and defaults that depend on each
 * other; they share one parser state.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers.h"

/* Every setting name hostapd 2.10's reference hostapd.conf documents, plus
 * the ones config_file.c reads that it does not (driver, rsn_override_*,
 * ieee80211be, sae_password_file…). Sorted for bsearch (C locale). */
static const char *const known_keys[] = {
	"accept_mac_file", "access_network_type", "acct_server_addr",
	"acct_server_addr_replace", "acct_server_port", "acct_server_shared_secret",
	"acct_server_type", "acs_chan_bias", "acs_exclude_6ghz_non_psc",
	"acs_exclude_dfs", "acs_num_scans", "airtime_bss_limit", "airtime_bss_weight",
	"airtime_mode", "airtime_sta_weight", "airtime_update_interval",
	"allow_cross_connection", "anqp_3gpp_cell_net", "anqp_domain_id", "anqp_elem",
	"anti_clogging_threshold", "ap_isolate", "ap_max_inactivity", "ap_pin",
	"ap_settings", "ap_setup_locked", "ap_table_expiration_time",
	"ap_table_max_size", "asra", "assoc_sa_query_max_timeout",
	"assoc_sa_query_retry_timeout", "assocresp_elements", "auth_algs",
	"auth_server_addr", "auth_server_addr_replace", "auth_server_port",
	"auth_server_shared_secret", "auth_server_type", "basic_rates", "beacon_int",
	"beacon_prot", "beacon_rate", "bridge", "bridge_hairpin", "broadcast_deauth",
	"bss", "bss_load_test", "bss_load_update_period", "bss_max_idle",
	"bss_transition", "bssid", "ca_cert", "chan_util_avg_period", "chanlist",
	"channel", "channel_usage", "check_cert_subject", "check_crl",
	"check_crl_strict", "civic", "config_id", "config_methods",
	"corrupt_gtk_rekey_mic_probability", "country3", "country_code",
	"crl_reload_interval", "ctrl_interface", "ctrl_interface_group", "debug",
	"deny_mac_file", "device_name", "device_type", "dh_file",
	"dhcp_rapid_commit_proxy", "dhcp_relay_port", "dhcp_server",
	"dhcp_server_port", "disable_11ac", "disable_11ax", "disable_11be",
	"disable_11n", "disable_dgaf", "disable_pmksa_caching", "disassoc_low_ack",
	"domain_name", "dpp_configurator_connectivity", "dpp_connector",
	"dpp_controller", "dpp_csign", "dpp_mud_url", "dpp_name", "dpp_netaccesskey",
	"dpp_netaccesskey_expiry", "dpp_pfs", "driver", "driver_params", "dtim_period",
	"dump_file", "dynamic_vlan", "eap_authenticator", "eap_fast_a_id",
	"eap_fast_a_id_info", "eap_fast_prov", "eap_message", "eap_reauth_period",
	"eap_server", "eap_server_erp", "eap_sim_aka_fast_reauth_limit",
	"eap_sim_aka_result_ind", "eap_sim_db", "eap_sim_db_timeout", "eap_sim_id",
	"eap_teap_auth", "eap_teap_id", "eap_teap_method_sequence",
	"eap_teap_pac_no_inner", "eap_teap_separate_result", "eap_user_file",
	"eapol_key_index_workaround", "eapol_version", "ecsa_ie_only", "edmg_channel",
	"eht_default_pe_duration", "eht_mu_beamformer", "eht_oper_centr_freq_seg0_idx",
	"eht_oper_chwidth", "eht_su_beamformee", "eht_su_beamformer", "enable_edmg",
	"erp_domain", "erp_send_reauth_start", "esr", "ext_capa", "ext_capa_mask",
	"extended_key_id", "extra_cred", "fils_cache_id", "fils_dh_group",
	"fils_discovery_max_interval", "fils_discovery_min_interval",
	"fils_hlp_wait_time", "fils_realm", "fragm_threshold", "fragment_size",
	"freqlist", "friendly_name", "fst_group_id", "fst_llt", "fst_priority",
	"ft_over_ds", "ft_psk_generate_local", "ft_r0_key_lifetime", "ftm_initiator",
	"ftm_responder", "gas_address3", "group_cipher", "group_mgmt_cipher",
	"he_6ghz_max_ampdu_len_exp", "he_6ghz_max_mpdu", "he_6ghz_rx_ant_pat",
	"he_6ghz_tx_ant_pat", "he_bss_color", "he_bss_color_partial",
	"he_default_pe_duration", "he_er_su_disable", "he_mu_beamformer",
	"he_mu_edca_ac_be_aifsn", "he_mu_edca_ac_be_ecwmax", "he_mu_edca_ac_be_ecwmin",
	"he_mu_edca_ac_be_timer", "he_mu_edca_ac_bk_aci", "he_mu_edca_ac_bk_aifsn",
	"he_mu_edca_ac_bk_ecwmax", "he_mu_edca_ac_bk_ecwmin", "he_mu_edca_ac_bk_timer",
	"he_mu_edca_ac_vi_aci", "he_mu_edca_ac_vi_aifsn", "he_mu_edca_ac_vi_ecwmax",
	"he_mu_edca_ac_vi_ecwmin", "he_mu_edca_ac_vi_timer", "he_mu_edca_ac_vo_aci",
	"he_mu_edca_ac_vo_aifsn", "he_mu_edca_ac_vo_ecwmax", "he_mu_edca_ac_vo_ecwmin",
	"he_mu_edca_ac_vo_timer", "he_mu_edca_qos_info_queue_request",
	"he_oper_centr_freq_seg0_idx", "he_oper_centr_freq_seg1_idx",
	"he_oper_chwidth", "he_rts_threshold", "he_spr_srg_bss_colors",
	"he_spr_srg_partial_bssid", "he_su_beamformee", "he_su_beamformer",
	"he_twt_required", "he_twt_responder", "hessid", "hs20", "hs20_conn_capab",
	"hs20_deauth_req_timeout", "hs20_icon", "hs20_oper_friendly_name",
	"hs20_operating_class", "hs20_t_c_filename", "hs20_t_c_server_url",
	"hs20_t_c_timestamp", "hs20_wan_metrics", "ht_capab", "hw_mode", "ieee80211ac",
	"ieee80211ax", "ieee80211be", "ieee80211d", "ieee80211h", "ieee80211n",
	"ieee80211w", "ieee8021x", "ignore_assoc_probability",
	"ignore_auth_probability", "ignore_broadcast_ssid", "ignore_probe_probability",
	"ignore_reassoc_probability", "imsi_privacy_key", "interface", "internet",
	"interworking", "ipaddr_type_availability", "known_sta_identification", "lci",
	"local_pwr_constraint", "logger_stdout", "logger_stdout_level",
	"logger_syslog", "logger_syslog_level", "macaddr_acl", "manage_p2p",
	"manufacturer", "manufacturer_url", "max_acceptable_idle_period",
	"max_auth_rounds", "max_auth_rounds_short", "max_listen_interval",
	"max_num_sta", "mbo", "mbo_cell_data_conn_pref", "mbssid", "min_tx_power",
	"mld_addr", "mld_ap", "mobility_domain", "model_description", "model_name",
	"model_number", "model_url", "multi_ap", "multi_ap_backhaul_ssid",
	"multi_ap_backhaul_wpa_passphrase", "multi_ap_backhaul_wpa_psk",
	"multi_ap_client_disallow", "multi_ap_profile", "multi_ap_vlanid",
	"multicast_to_unicast", "na_mcast_to_ucast", "nai_realm", "nas_identifier",
	"network_auth_type", "no_auth_if_seen_on", "no_disconnect_on_group_keyerror",
	"no_probe_resp_if_max_sta", "no_probe_resp_if_seen_on", "notify_mgmt_frames",
	"obss_interval", "oce", "ocsp_stapling_response",
	"ocsp_stapling_response_multi", "ocv", "okc", "op_class", "openssl_ciphers",
	"openssl_ecdh_curves", "openssl_sigalgs", "operator_icon", "os_version",
	"osen", "osu_friendly_name", "osu_icon", "osu_method_list", "osu_nai",
	"osu_nai2", "osu_server_uri", "osu_service_desc", "osu_ssid", "owe_groups",
	"owe_ptk_workaround", "owe_transition_bssid", "owe_transition_ifname",
	"owe_transition_ssid", "own_ip_addr", "pac_key_lifetime",
	"pac_key_refresh_time", "pac_opaque_encr_key", "pasn_comeback_after",
	"pasn_groups", "pasn_noauth", "pbc_in_m1", "peer_to_peer_twt", "peerkey",
	"per_sta_vif", "pmk_r1_push", "preamble", "private_key", "private_key2",
	"private_key_passwd", "private_key_passwd2", "proxy_arp", "punct_bitmap",
	"pwd_group", "qos_map_set", "r0_key_lifetime", "r0kh", "r1_key_holder",
	"r1_max_key_lifetime", "r1kh", "radius_acct_interim_interval",
	"radius_acct_req_attr", "radius_auth_req_attr", "radius_client_addr",
	"radius_client_dev", "radius_das_client", "radius_das_port",
	"radius_das_require_event_timestamp",
	"radius_das_require_message_authenticator", "radius_das_time_window",
	"radius_req_attr_sqlite", "radius_request_cui",
	"radius_require_message_authenticator", "radius_retry_primary_interval",
	"radius_server_acct_port", "radius_server_auth_port", "radius_server_clients",
	"radius_server_ipv6", "reassociation_deadline", "require_he", "require_ht",
	"require_vht", "rkh_neg_timeout", "rkh_pos_timeout", "rkh_pull_retries",
	"rkh_pull_timeout", "rnr", "roaming_consortium", "rrm_beacon_report",
	"rrm_neighbor_report", "rsn_override_key_mgmt", "rsn_override_key_mgmt_2",
	"rsn_override_mlo_compat", "rsn_override_omit_rsnxe", "rsn_override_pairwise",
	"rsn_override_pairwise_2", "rsn_pairwise", "rsn_preauth",
	"rsn_preauth_interfaces", "rssi_ignore_probe_request",
	"rssi_reject_assoc_rssi", "rssi_reject_assoc_timeout", "rts_threshold",
	"rxkh_file", "sae_anti_clogging_threshold", "sae_confirm_immediate",
	"sae_groups", "sae_password", "sae_password_file", "sae_pk", "sae_pwe",
	"sae_require_mfp", "sae_sync", "sae_track_password", "security_profiles",
	"serial_number", "server_cert", "server_cert2", "server_id", "skip_cred_build",
	"skip_inactivity_poll", "skip_prune_assoc", "spectrum_mgmt_required",
	"spp_amsdu", "ssid", "ssid2", "ssid_protection", "start_disabled",
	"stationary_ap", "supported_rates", "tdls_prohibit",
	"tdls_prohibit_chan_switch", "time_advertisement", "time_zone", "tls_flags",
	"tls_session_lifetime", "tnc", "track_sta_max_age", "track_sta_max_num",
	"transition_disable", "tx_queue_data0_aifs", "tx_queue_data0_burst",
	"tx_queue_data0_cwmax", "tx_queue_data0_cwmin", "tx_queue_data1_aifs",
	"tx_queue_data1_burst", "tx_queue_data1_cwmax", "tx_queue_data1_cwmin",
	"tx_queue_data2_aifs", "tx_queue_data2_burst", "tx_queue_data2_cwmax",
	"tx_queue_data2_cwmin", "tx_queue_data3_aifs", "tx_queue_data3_burst",
	"tx_queue_data3_cwmax", "tx_queue_data3_cwmin", "uapsd_advertisement_enabled",
	"uesa", "unsol_bcast_probe_resp_interval", "upc", "upnp_iface", "urnm_mfpr",
	"urnm_mfpr_x20", "use_pae_group_addr", "use_sta_nsts", "utf8_ssid", "uuid",
	"vendor_elements", "venue_group", "venue_name", "venue_type", "venue_url",
	"vht_capab", "vht_oper_centr_freq_seg0_idx", "vht_oper_centr_freq_seg1_idx",
	"vht_oper_chwidth", "vlan_bridge", "vlan_file", "vlan_naming",
	"vlan_tagged_interface", "wds_bridge", "wds_sta", "wep_default_key",
	"wep_key0", "wep_key1", "wep_key2", "wep_key3", "wep_key_len_broadcast",
	"wep_key_len_unicast", "wep_rekey_period", "wme_enabled", "wmm_ac_be_acm",
	"wmm_ac_be_aifs", "wmm_ac_be_cwmax", "wmm_ac_be_cwmin", "wmm_ac_be_txop_limit",
	"wmm_ac_bk_acm", "wmm_ac_bk_aifs", "wmm_ac_bk_cwmax", "wmm_ac_bk_cwmin",
	"wmm_ac_bk_txop_limit", "wmm_ac_vi_acm", "wmm_ac_vi_aifs", "wmm_ac_vi_cwmax",
	"wmm_ac_vi_cwmin", "wmm_ac_vi_txop_limit", "wmm_ac_vo_acm", "wmm_ac_vo_aifs",
	"wmm_ac_vo_cwmax", "wmm_ac_vo_cwmin", "wmm_ac_vo_txop_limit", "wmm_enabled",
	"wnm_sleep_mode", "wnm_sleep_mode_no_keys", "wpa", "wpa_deny_ptk0_rekey",
	"wpa_disable_eapol_key_retries", "wpa_gmk_rekey", "wpa_group_rekey",
	"wpa_group_update_count", "wpa_key_mgmt", "wpa_pairwise",
	"wpa_pairwise_update_count", "wpa_passphrase", "wpa_psk", "wpa_psk_file",
	"wpa_psk_radius", "wpa_ptk_rekey", "wpa_strict_rekey", "wps_application_ext",
	"wps_cred_add_sae", "wps_cred_processing", "wps_independent", "wps_nfc_dev_pw",
	"wps_nfc_dev_pw_id", "wps_nfc_dh_privkey", "wps_nfc_dh_pubkey",
	"wps_pin_requests", "wps_rf_bands", "wps_state",
};

static int key_cmp(const void *k, const void *e)
{
	return strcmp((const char *)k, *(const char *const *)e);
}

static bool key_known(const char *k)
{
	return bsearch(k, known_keys, ARRAY_SIZE(known_keys),
		       sizeof(known_keys[0]), key_cmp) != NULL;
}

/* Settings edgelint reads itself. */
enum hkey {
	HK_OTHER, HK_BSS, HK_DRIVER, HK_SSID, HK_SSID2, HK_WPA, HK_KEY_MGMT,
	HK_WPA_PAIRWISE, HK_RSN_PAIRWISE, HK_PASSPHRASE, HK_PSK, HK_PSK_FILE,
	HK_SAE_PASSWORD, HK_SAE_PASSWORD_FILE, HK_WEP_KEY, HK_IEEE8021X,
	HK_WPS_STATE, HK_CONFIG_METHODS, HK_AP_PIN, HK_HW_MODE, HK_OP_CLASS, HK_START_DISABLED, HK_HIDDEN,
	HK_IEEE80211W, HK_SAE_REQUIRE_MFP,
	HK_SECRET,        /* the whole value is a secret */
	HK_SECRET_TAIL,   /* "address secret": the part after the first space */
	HK_KH,            /* r0kh/r1kh "mac id key": the last field is a key */
};

static const struct {
	const char *name;
	enum hkey k;
} handled[] = {
	{"bss", HK_BSS}, {"driver", HK_DRIVER}, {"ssid", HK_SSID}, {"ssid2", HK_SSID2},
	{"wpa", HK_WPA}, {"wpa_key_mgmt", HK_KEY_MGMT}, {"wpa_pairwise", HK_WPA_PAIRWISE},
	{"rsn_pairwise", HK_RSN_PAIRWISE}, {"wpa_passphrase", HK_PASSPHRASE},
	{"wpa_psk", HK_PSK}, {"wpa_psk_file", HK_PSK_FILE},
	{"sae_password", HK_SAE_PASSWORD}, {"sae_password_file", HK_SAE_PASSWORD_FILE},
	{"wep_key0", HK_WEP_KEY}, {"wep_key1", HK_WEP_KEY}, {"wep_key2", HK_WEP_KEY},
	{"wep_key3", HK_WEP_KEY}, {"ieee8021x", HK_IEEE8021X}, {"wps_state", HK_WPS_STATE},
	{"config_methods", HK_CONFIG_METHODS},
	{"hw_mode", HK_HW_MODE}, {"op_class", HK_OP_CLASS},
	{"ieee80211w", HK_IEEE80211W}, {"sae_require_mfp", HK_SAE_REQUIRE_MFP},
	{"start_disabled", HK_START_DISABLED}, {"ignore_broadcast_ssid", HK_HIDDEN},
	{"auth_server_shared_secret", HK_SECRET}, {"acct_server_shared_secret", HK_SECRET},
	{"ap_pin", HK_AP_PIN}, {"private_key_passwd", HK_SECRET},
	{"private_key_passwd2", HK_SECRET}, {"auth_server_private_key_passwd", HK_SECRET},
	{"acct_server_private_key_passwd", HK_SECRET}, {"pac_opaque_encr_key", HK_SECRET},
	{"multi_ap_backhaul_wpa_passphrase", HK_SECRET},
	{"multi_ap_backhaul_wpa_psk", HK_SECRET}, {"wps_nfc_dev_pw", HK_SECRET},
	{"wps_nfc_dh_privkey", HK_SECRET}, {"dpp_netaccesskey", HK_SECRET},
	{"mka_cak", HK_SECRET}, {"radius_das_client", HK_SECRET_TAIL},
	{"r0kh", HK_KH}, {"r1kh", HK_KH},
};

/* AKM classes of wpa_key_mgmt tokens (hostapd_config_parse_key_mgmt). */
enum { AK_PSK = 1, AK_SAE = 2, AK_EAP = 4, AK_SUITEB = 8, AK_OWE = 16, AK_OTHER = 32 };

static const struct {
	const char *tok;
	unsigned cls;
} akm_tokens[] = {
	{"WPA-PSK", AK_PSK}, {"WPA-PSK-SHA256", AK_PSK}, {"FT-PSK", AK_PSK},
	{"SAE", AK_SAE}, {"SAE-EXT-KEY", AK_SAE}, {"FT-SAE", AK_SAE},
	{"FT-SAE-EXT-KEY", AK_SAE},
	{"WPA-EAP", AK_EAP}, {"WPA-EAP-SHA256", AK_EAP}, {"WPA-EAP-SHA384", AK_EAP},
	{"FT-EAP", AK_EAP}, {"FT-EAP-SHA384", AK_EAP}, {"EAP-PQC", AK_EAP},
	{"FT-EAP-PQC", AK_EAP}, {"FILS-SHA256", AK_EAP}, {"FILS-SHA384", AK_EAP},
	{"FT-FILS-SHA256", AK_EAP}, {"FT-FILS-SHA384", AK_EAP},
	{"WPA-EAP-SUITE-B", AK_SUITEB}, {"WPA-EAP-SUITE-B-192", AK_SUITEB},
	{"OWE", AK_OWE}, {"DPP", AK_OTHER}, {"PASN", AK_OTHER}, {"EPPKE", AK_OTHER},
};

/* Pairwise cipher classes (wpa_parse_cipher). */
enum { CI_TKIP = 1, CI_AES = 2 };

/* One BSS as read so far. */
struct hbss {
	struct wifi_net *w;
	unsigned start_line;
	bool wpa_set, wpa_bad;
	unsigned wpa, wpa_line;
	const char *wpa_text;
	bool km_set, km_bad;
	unsigned km, km_line;
	const char *km_text;
	unsigned wpa_pw, wpa_pw_line;   /* 0: not set (or unreadable) */
	unsigned rsn_pw, rsn_pw_line;
	const char *pp;                 /* wpa_passphrase / wpa_psk, the later wins */
	size_t pp_len;
	unsigned pp_line;
	bool pp_is_psk;
	unsigned psk_file_line;
	const char *sae;                /* the shortest sae_password */
	size_t sae_len;
	unsigned sae_line, nsae, sae_file_line;
	unsigned wep_line, wep_idx;     /* first WEP key */
	bool ieee8021x;
	unsigned ieee8021x_line;
	int wps;                        /* -1 unset, else wps_state */
	unsigned wps_line;
	bool cm_set, cm_pin, cm_push;   /* config_methods given, its PIN, push-button */
	bool ap_pin;                    /* a static AP PIN is set */
	bool hidden, start_disabled;
	/* ieee80211w (0 disabled, the default; 1 optional; 2 required) and
	 * sae_require_mfp (1: SAE associations must use MFP even when
	 * ieee80211w=1), per BSS (hostapd.conf, "ieee80211w:" and "Require MFP
	 * for all associations using SAE"). */
	unsigned mfp, mfp_line, sae_mfp, sae_mfp_line;
	struct hbss *next;
};

struct hctx {
	struct input *in;
	struct hbss *bss, **tail, *cur;
	const char *hw_mode;            /* "a", "b", "g", "ad", "any" or NULL */
	unsigned hw_line, op_class, op_line;
	bool not_wifi;                  /* driver=wired or driver=none */
	bool oom;
};

/* A setting name as diagnostics may quote it (never a value). */
static const char *qname(struct input *in, const char *s, size_t n)
{
	bool plain = n > 0 && n <= 40;
	for (size_t i = 0; plain && i < n; i++)
		plain = s[i] > ' ' && s[i] < 0x7f;
	const char *q = plain ? arena_strndup(&in->arena, s, n)
			      : arena_printf(&in->arena, "(a name of %zu bytes)", n);
	return q ? q : "?";
}

/* A value that is no secret, quoted whole or described by its length. */
static const char *qvalue(struct input *in, const char *s, size_t n)
{
	bool plain = n <= 60;
	for (size_t i = 0; plain && i < n; i++)
		plain = s[i] >= ' ' && s[i] < 0x7f;
	const char *q = plain ? arena_strndup(&in->arena, s, n)
			      : arena_printf(&in->arena, "(a value of %zu bytes)", n);
	return q ? q : "?";
}

/* Copies a secret into the arena and registers it at once. */
static const char *secret(struct hctx *h, const char *s, size_t n)
{
	char *p = arena_strndup(&h->in->arena, s, n);
	if (!p) {
		h->oom = true;
		return NULL;
	}
	if (n)
		input_add_secret(h->in, p, n);
	return p;
}

static struct hbss *bss_new(struct hctx *h, unsigned line)
{
	struct hbss *b = arena_alloc(&h->in->arena, sizeof(*b));
	struct wifi_net *w = arena_alloc(&h->in->arena, sizeof(*w));
	if (!b || !w) {
		h->oom = true;
		return NULL;
	}
	b->w = w;
	b->start_line = line;
	b->wps = -1;
	w->line = line;
	*h->tail = b;
	h->tail = &b->next;
	struct device *d = &h->in->dev;
	*d->wifi_tail = w;
	d->wifi_tail = &w->next;
	d->nwifi++;
	h->cur = b;
	return b;
}

/* A whole value of decimal digits (hostapd reads them with atoi). */
static bool read_uint(const char *v, size_t n, unsigned max, unsigned *out)
{
	if (n == 0 || n > 9)
		return false;
	unsigned x = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		x = x * 10 + (unsigned)(v[i] - '0');
	}
	if (x > max)
		return false;
	*out = x;
	return true;
}

/* Splits v at blanks; calls back per token; returns false when cb does. */
static bool each_token(const char *v, size_t n, bool (*cb)(const char *t, size_t tn, void *arg),
		       void *arg)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && (v[i] == ' ' || v[i] == '\t'))
			i++;
		size_t s = i;
		while (i < n && v[i] != ' ' && v[i] != '\t')
			i++;
		if (i > s && !cb(v + s, i - s, arg))
			return false;
	}
	return true;
}

/* Does v[0..n) contain w (case-sensitive, as hostapd's os_strstr)? */
static bool has_part(const char *v, size_t n, const char *w)
{
	size_t wn = strlen(w);
	for (size_t i = 0; i + wn <= n; i++)
		if (memcmp(v + i, w, wn) == 0)
			return true;
	return false;
}

static bool tok_eq(const char *t, size_t tn, const char *w)
{
	return strlen(w) == tn && memcmp(t, w, tn) == 0;
}

static bool akm_tok(const char *t, size_t tn, void *arg)
{
	unsigned *m = arg;
	for (size_t i = 0; i < ARRAY_SIZE(akm_tokens); i++) {
		if (tok_eq(t, tn, akm_tokens[i].tok)) {
			*m |= akm_tokens[i].cls;
			return true;
		}
	}
	return false;
}

static bool cipher_tok(const char *t, size_t tn, void *arg)
{
	unsigned *m = arg;
	if (tok_eq(t, tn, "TKIP"))
		*m |= CI_TKIP;
	else if (tok_eq(t, tn, "CCMP") || tok_eq(t, tn, "GCMP") || tok_eq(t, tn, "CCMP-256") ||
		 tok_eq(t, tn, "GCMP-256"))
		*m |= CI_AES;
	else
		return false;   /* NONE, WEP40, WEP104 are refused for pairwise too */
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool all_hex(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (hexval(v[i]) < 0)
			return false;
	return true;
}

/* ssid2 as wpa_config_parse_string() reads it: "quoted", P"escaped" or
 * hex. Writes at most 32 bytes (SSID_MAX_LEN) to out; returns the length,
 * or -1 when the value is invalid or too long. */
static int parse_ssid2(const char *v, size_t n, char *out)
{
	size_t o = 0;
	if (n >= 2 && v[0] == '"') {
		if (v[n - 1] != '"')
			return -1;
		if (n - 2 > 32)
			return -1;
		memcpy(out, v + 1, n - 2);
		return (int)(n - 2);
	}
	if (n >= 3 && v[0] == 'P' && v[1] == '"') {
		if (v[n - 1] != '"')
			return -1;
		for (size_t i = 2; i < n - 1; i++) {
			char c = v[i];
			if (c == '\\' && i + 1 < n - 1) {
				char e = v[++i];
				switch (e) {
				case 'n': c = '\n'; break;
				case 'r': c = '\r'; break;
				case 't': c = '\t'; break;
				case 'e': c = '\033'; break;
				case 'x':
					if (i + 2 < n - 1 && hexval(v[i + 1]) >= 0 &&
					    hexval(v[i + 2]) >= 0) {
						c = (char)(hexval(v[i + 1]) * 16 + hexval(v[i + 2]));
						i += 2;
					} else {
						return -1;
					}
					break;
				default: c = e; break;
				}
			}
			if (o >= 32)
				return -1;
			out[o++] = c;
		}
		return (int)o;
	}
	if (n == 0 || n % 2 || n / 2 > 32 || !all_hex(v, n))
		return -1;
	for (size_t i = 0; i < n; i += 2)
		out[o++] = (char)(hexval(v[i]) * 16 + hexval(v[i + 1]));
	return (int)o;
}

/* Registers the password of one sae_password value and of its "|pk="
 * private key, and keeps the shortest password for judging. */
static void read_sae_password(struct hctx *h, struct hbss *b, const char *v, size_t n,
			      unsigned line)
{
	static const char *const seps[] = {"|mac=", "|vlanid=", "|pk=", "|id="};
	size_t end = n;
	for (size_t k = 0; k < ARRAY_SIZE(seps); k++) {
		size_t sl = strlen(seps[k]);
		for (size_t i = 0; i + sl <= n; i++) {
			if (memcmp(v + i, seps[k], sl) == 0) {
				if (i < end)
					end = i;
				if (k == 2) {   /* the SAE-PK private key */
					size_t ks = i + sl, ke = ks;
					while (ke < n && v[ke] != '|')
						ke++;
					secret(h, v + ks, ke - ks);
				}
				break;
			}
		}
	}
	const char *p = secret(h, v, end);
	if (!p)
		return;
	if (end < n)
		secret(h, v, n);   /* the whole value too (it holds the password) */
	if (!b->nsae || end < b->sae_len) {
		b->sae = p;
		b->sae_len = end;
		b->sae_line = line;
	}
	b->nsae++;
}

/* A value edgelint does not read (not the number or word it expects): the
 * line is not understood, and says so (never a silent drop). The value is
 * not quoted; the name is one of edgelint's table. Returns false. */
static bool value_unknown(struct input *in, const char *name, unsigned line)
{
	input_unknown(in, line, "the value of '%s' is not one edgelint understands; the line is skipped",
		      "'%s' の値は edgelint が解釈できないため、この行は読み飛ばします", name);
	return false;
}

/* Reads one setting; returns true when it was understood. */
static bool read_setting(struct hctx *h, enum hkey k, const char *name, size_t nn,
			 const char *v, size_t n, unsigned line)
{
	struct input *in = h->in;
	struct hbss *b = h->cur;
	unsigned u;
	switch (k) {
	case HK_OTHER:
		return true;
	case HK_BSS:
		if (n == 0) {
			input_unknown(in, line, "'bss=' names no interface; hostapd refuses it and starts no BSS",
				      "'bss=' にインタフェース名がありません。hostapd はこれを受け付けず BSS を作りません");
			return false;
		}
		return bss_new(h, line) != NULL;
	case HK_DRIVER:
		h->not_wifi = tok_eq(v, n, "wired") || tok_eq(v, n, "none");
		return true;
	case HK_SSID:
		if (n == 0 || n > 32) {
			input_diag(in, DIAG_ERROR, line, 1,
				   "the SSID is %zu bytes long; hostapd accepts 1 to 32 and refuses this file",
				   "SSID が %zu バイトあります。hostapd は 1〜32 バイトしか受け付けず、このファイルを拒否します",
				   n);
			return false;
		}
		b->w->ssid.s = arena_strndup(&in->arena, v, n);
		b->w->ssid.line = line;
		return true;
	case HK_SSID2: {
		char buf[33];
		int sl = parse_ssid2(v, n, buf);
		if (sl <= 0) {
			input_unknown(in, line,
				      "ssid2 is not a quoted string, P\"…\" string or hex of 1 to 32 bytes; "
				      "hostapd refuses it",
				      "ssid2 が 1〜32 バイトの \"…\" 文字列・P\"…\" 文字列・16 進のいずれでもありません。"
				      "hostapd はこれを拒否します");
			return false;
		}
		b->w->ssid.s = arena_strndup(&in->arena, buf, (size_t)sl);
		b->w->ssid.line = line;
		return true;
	}
	case HK_WPA:
		b->wpa_set = true;
		b->wpa_line = line;
		b->wpa_text = qvalue(in, v, n);
		b->wpa_bad = !read_uint(v, n, 3, &b->wpa);
		if (b->wpa_bad)
			input_diag(in, DIAG_ERROR, line, 1,
				   "wpa must be 0 (none), 1 (WPA), 2 (WPA2/WPA3) or 3 (both), not '%s'",
				   "wpa は 0（なし）、1（WPA）、2（WPA2/WPA3）、3（両方）のいずれかです（'%s' ではなく）",
				   b->wpa_text);
		return !b->wpa_bad;
	case HK_KEY_MGMT: {
		unsigned m = 0;
		b->km_set = true;
		b->km_line = line;
		b->km_text = qvalue(in, v, n);
		b->km_bad = !each_token(v, n, akm_tok, &m) || m == 0;
		b->km = m;
		if (b->km_bad)
			input_diag(in, DIAG_ERROR, line, 1,
				   "wpa_key_mgmt '%s' is not a list of hostapd key management names "
				   "(WPA-PSK, SAE, WPA-EAP, OWE…); hostapd refuses it",
				   "wpa_key_mgmt '%s' は hostapd の鍵管理名（WPA-PSK、SAE、WPA-EAP、OWE など）"
				   "の並びではありません。hostapd はこれを拒否します",
				   b->km_text);
		return !b->km_bad;
	}
	case HK_WPA_PAIRWISE:
	case HK_RSN_PAIRWISE: {
		unsigned m = 0;
		bool ok = each_token(v, n, cipher_tok, &m) && m != 0;
		if (!ok) {
			input_diag(in, DIAG_ERROR, line, 1,
				   "%s '%s' is not a list of pairwise ciphers (CCMP, GCMP, CCMP-256, "
				   "GCMP-256, TKIP); hostapd refuses it",
				   "%s '%s' はペアワイズ暗号（CCMP、GCMP、CCMP-256、GCMP-256、TKIP）の並び"
				   "ではありません。hostapd はこれを拒否します",
				   k == HK_WPA_PAIRWISE ? "wpa_pairwise" : "rsn_pairwise", qvalue(in, v, n));
			return false;
		}
		if (k == HK_WPA_PAIRWISE) {
			b->wpa_pw = m;
			b->wpa_pw_line = line;
		} else {
			b->rsn_pw = m;
			b->rsn_pw_line = line;
		}
		return true;
	}
	case HK_PASSPHRASE:
	case HK_PSK: {
		const char *p = secret(h, v, n);
		if (!p)
			return false;
		b->pp = p;
		b->pp_len = n;
		b->pp_line = line;
		b->pp_is_psk = k == HK_PSK;
		if (k == HK_PSK && (n != 64 || !all_hex(v, n))) {
			input_diag(in, DIAG_ERROR, line, 1,
				   "wpa_psk must be 64 hex digits (a value of %zu bytes here); "
				   "hostapd refuses it",
				   "wpa_psk は 16 進 64 桁です（ここでは %zu バイトの値）。hostapd はこれを拒否します",
				   n);
			return false;
		}
		return true;
	}
	case HK_PSK_FILE:
		b->psk_file_line = line;
		return true;
	case HK_SAE_PASSWORD:
		read_sae_password(h, b, v, n, line);
		return true;
	case HK_SAE_PASSWORD_FILE:
		b->sae_file_line = line;
		return true;
	case HK_WEP_KEY: {
		/* "quoted ASCII" or hex (hostapd_config_read_wep); empty clears. */
		if (n == 0)
			return true;
		secret(h, v, n);
		if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
			secret(h, v + 1, n - 2);
		if (!b->wep_line) {
			b->wep_line = line;
			b->wep_idx = (unsigned)(name[nn - 1] - '0');
		}
		return true;
	}
	case HK_IEEE8021X:
		if (!read_uint(v, n, 1, &u))
			return value_unknown(in, name, line);
		b->ieee8021x = u != 0;
		b->ieee8021x_line = line;
		return true;
	case HK_WPS_STATE:
		if (!read_uint(v, n, 2, &u))
			return value_unknown(in, name, line);
		b->wps = (int)u;
		b->wps_line = line;
		return true;
	case HK_CONFIG_METHODS:
		b->cm_set = n > 0;
		b->cm_pin = has_part(v, n, "label") || has_part(v, n, "display") ||
			    has_part(v, n, "keypad");
		b->cm_push = has_part(v, n, "push_button");
		return true;
	case HK_AP_PIN:
		secret(h, v, n);
		b->ap_pin = n > 0;
		return true;
	case HK_HW_MODE: {
		static const char *const modes[] = {"a", "b", "g", "ad", "any"};
		for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
			if (tok_eq(v, n, modes[i])) {
				h->hw_mode = modes[i];
				h->hw_line = line;
				return true;
			}
		}
		return value_unknown(in, name, line);
	}
	case HK_IEEE80211W:
		if (!read_uint(v, n, 2, &u))
			return value_unknown(in, name, line);
		b->mfp = u;
		b->mfp_line = line;
		return true;
	case HK_SAE_REQUIRE_MFP:
		if (!read_uint(v, n, 1, &u))
			return value_unknown(in, name, line);
		b->sae_mfp = u;
		b->sae_mfp_line = line;
		return true;
	case HK_OP_CLASS:
		if (!read_uint(v, n, 255, &u))
			return value_unknown(in, name, line);
		h->op_class = u;
		h->op_line = line;
		return true;
	case HK_START_DISABLED:
		if (!read_uint(v, n, 1u << 30, &u))
			return value_unknown(in, name, line);
		b->start_disabled = u != 0;
		return true;
	case HK_HIDDEN:
		if (!read_uint(v, n, 1u << 30, &u))
			return value_unknown(in, name, line);
		b->hidden = u != 0;
		return true;
	case HK_SECRET:
		secret(h, v, n);
		return true;
	case HK_SECRET_TAIL: {
		size_t i = 0;
		while (i < n && v[i] != ' ')
			i++;
		secret(h, v, n);
		if (i + 1 < n)
			secret(h, v + i + 1, n - i - 1);
		return true;
	}
	case HK_KH: {
		size_t i = n;
		while (i > 0 && v[i - 1] != ' ')
			i--;
		secret(h, v + i, n - i);
		return true;
	}
	}
	return false;
}

/* One content line: name=value (p, len), with lead blanks before it. */
static bool read_line(struct hctx *h, size_t lead, const char *p, size_t len, unsigned line)
{
	struct input *in = h->in;
	const char *eq = memchr(p, '=', len);
	if (!eq) {
		input_unknown(in, line,
			      "a line without '=' is not a hostapd setting (hostapd refuses the file)",
			      "'=' のない行は hostapd の設定ではありません（hostapd はこのファイルを拒否します）");
		return false;
	}
	size_t at = (size_t)(eq - p), nn = at;
	while (nn > 0 && (p[nn - 1] == ' ' || p[nn - 1] == '\t'))
		nn--;
	const char *v = eq + 1;
	size_t n = len - at - 1;
	if (nn < at)   /* "name = value": the blanks after '=' go too */
		while (n > 0 && (*v == ' ' || *v == '\t')) {
			v++;
			n--;
		}
	if (nn == 0) {
		input_unknown(in, line, "no setting name before '='", "'=' の前に設定名がありません");
		return false;
	}
	char name[48];
	enum hkey k = HK_OTHER;
	bool known = nn < sizeof(name) && !memchr(p, '\0', nn);
	if (known) {
		memcpy(name, p, nn);
		name[nn] = '\0';
		size_t i = 0;
		while (i < ARRAY_SIZE(handled) && strcmp(handled[i].name, name) != 0)
			i++;
		if (i < ARRAY_SIZE(handled))
			k = handled[i].k;
		else
			known = key_known(name);
	}
	if (!known) {
		input_unknown(in, line, "'%s' is not a hostapd setting edgelint knows; the line is skipped",
			      "'%s' は edgelint の知らない hostapd の設定です。この行は読み飛ばします",
			      input_unknown_listed(in) ? qname(in, p, nn) : "");
		return false;
	}
	if (lead || nn < at)
		input_diag(in, DIAG_NOTE, line, 1,
			   "blanks around the name '%s': hostapd itself reads them as part of the name "
			   "and refuses the file; edgelint reads the setting as '%s'",
			   "設定名 '%s' の前後に空白があります。hostapd は空白も名前の一部として読み、"
			   "このファイルを拒否します。edgelint は '%s' として読みます",
			   name, name);
	return read_setting(h, k, name, nn, v, n, line);
}

static void set_label(struct input *in, struct wifi_net *w, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void set_label(struct input *in, struct wifi_net *w, unsigned line, const char *fmt, ...)
{
	char buf[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	w->sec_label.s = arena_strdup(&in->arena, buf);
	w->sec_label.line = line;
	w->sec_label_ja = NULL;
}

/* A label with words of ours, in English and Japanese (both formats
 * checked against the arguments by the set_label2() macro). */
static void set_label_l(struct input *in, struct wifi_net *w, unsigned line, const char *en,
			const char *ja, ...) __attribute__((format(printf, 4, 6)));
static void set_label_l(struct input *in, struct wifi_net *w, unsigned line, const char *en,
			const char *ja, ...)
{
	char buf[400], buf_ja[600];
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
	vsnprintf(buf, sizeof(buf), en, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(buf_ja, sizeof(buf_ja), ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	va_end(ap);
	w->sec_label.s = arena_strdup(&in->arena, buf);
	w->sec_label.line = line;
	w->sec_label_ja = arena_strdup(&in->arena, buf_ja);
}
#define set_label2(in, w, line, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), set_label_l(in, w, line, en, ja, ##__VA_ARGS__))

static enum wifi_sec sec_of_akm(unsigned km)
{
	if ((km & AK_PSK) && (km & AK_SAE))
		return WSEC_WPA2_WPA3;
	if (km & AK_PSK)
		return WSEC_WPA2;
	if (km & AK_SAE)
		return WSEC_WPA3;
	if ((km & AK_SUITEB) && !(km & AK_EAP))
		return WSEC_WPA3_ENT;
	if (km & (AK_EAP | AK_SUITEB))
		return WSEC_WPA2_ENT;
	if (km & AK_OWE)
		return WSEC_OWE;
	return WSEC_UNKNOWN;   /* DPP alone: no shared passphrase, not judged here */
}

/* The security of a WPA BSS (wpa is 1, 2 or 3); returns the effective RSN
 * pairwise set for the WPS rule. */
static unsigned wpa_security(struct input *in, struct hbss *b, unsigned wpa)
{
	struct wifi_net *w = b->w;
	unsigned km = b->km_set ? b->km : AK_PSK;
	if (wpa == 3)
		w->sec = WSEC_WPA_WPA2;
	else if (wpa == 1)
		w->sec = WSEC_WPA;
	else
		w->sec = sec_of_akm(km);
	/* Ciphers: wpa_pairwise defaults to TKIP; rsn_pairwise to wpa_pairwise. */
	unsigned wpw = b->wpa_pw ? b->wpa_pw : CI_TKIP, wline = b->wpa_pw_line;
	unsigned rpw = b->rsn_pw ? b->rsn_pw : wpw, rline = b->rsn_pw ? b->rsn_pw_line : wline;
	unsigned eff = ((wpa & 1) ? wpw : 0) | ((wpa & 2) ? rpw : 0);
	w->cipher = (eff & CI_TKIP) ? ((eff & CI_AES) ? WCIPH_TKIP_AES : WCIPH_TKIP) : WCIPH_AES;
	if ((wpa & 2) && (!(eff & CI_TKIP) || (rpw & CI_TKIP)))
		w->cipher_line = rline;
	else
		w->cipher_line = wline;
	const char *cnote = "", *cnote_ja = "";
	if ((wpa & 2) && !b->rsn_pw) {
		cnote = b->wpa_pw ? "; rsn_pairwise not set: wpa_pairwise applies"
				  : "; no pairwise cipher set: TKIP by default";
		cnote_ja = b->wpa_pw ? "（rsn_pairwise の設定がないため wpa_pairwise が適用）"
				     : "（ペアワイズ暗号の設定がないため既定の TKIP）";
	} else if (!b->wpa_pw && (wpa & 1)) {
		cnote = "; wpa_pairwise not set: TKIP by default";
		cnote_ja = "（wpa_pairwise の設定がないため既定の TKIP）";
	}
	if (!b->wpa_pw && (((wpa & 2) && !b->rsn_pw) || (wpa & 1)))
		input_diag(in, DIAG_NOTE, b->wpa_line, 1,
			   "no pairwise cipher is set for wpa=%u, so hostapd uses its default, TKIP",
			   "wpa=%u のペアワイズ暗号が設定されていないため、hostapd は既定の TKIP を使います",
			   wpa);
	if (b->km_set && !*cnote)
		set_label(in, w, b->wpa_line, "wpa=%u wpa_key_mgmt=%s", wpa, b->km_text);
	else if (b->km_set)
		set_label2(in, w, b->wpa_line, "wpa=%u wpa_key_mgmt=%s%s%.0s", "wpa=%u wpa_key_mgmt=%s%.0s%s",
			   wpa, b->km_text, cnote, cnote_ja);
	else
		set_label2(in, w, b->wpa_line, "wpa=%u (wpa_key_mgmt not set: WPA-PSK by default)%s%.0s",
			   "wpa=%u（wpa_key_mgmt の設定がないため既定の WPA-PSK）%.0s%s", wpa, cnote,
			   cnote_ja);
	/* PMF: ieee80211w as set (0 by default). For SAE alone,
	 * sae_require_mfp=1 with ieee80211w=1 makes every association (all
	 * are SAE) use MFP: required in effect. */
	w->pmf = b->mfp == 2 ? WPMF_REQUIRED : b->mfp == 1 ? WPMF_OPTIONAL : WPMF_OFF;
	w->pmf_line = b->mfp_line;
	if (b->mfp == 1 && b->sae_mfp && w->sec == WSEC_WPA3) {
		w->pmf = WPMF_REQUIRED;
		w->pmf_line = b->sae_mfp_line;
	}
	if (!wifi_sec_is_personal(w->sec))
		return rpw;
	/* The passphrase: the PSK side when there is one (a captured handshake
	 * can be attacked offline), else the shortest SAE password, else
	 * wpa_passphrase, which SAE also uses. */
	bool psk_side = w->sec != WSEC_WPA3;
	if (psk_side || !b->nsae) {
		if (b->pp && !(b->pp_is_psk && !psk_side)) {
			w->pass = b->pp;
			w->pass_len = b->pp_len;
			w->pass_line = b->pp_line;
		} else if (psk_side && b->psk_file_line) {
			w->pass_line = b->psk_file_line;   /* external file: not judged */
		}
	} else {
		w->pass = b->sae;
		w->pass_len = b->sae_len;
		w->pass_line = b->sae_line;
	}
	return rpw;
}

static void bss_finish(struct hctx *h, struct hbss *b, struct sval band)
{
	struct input *in = h->in;
	struct wifi_net *w = b->w;
	/* start_disabled=1: the BSS does not beacon until enabled over the
	 * control interface, so it is not judged. driver=wired/none: an
	 * 802.1X authenticator on Ethernet or a RADIUS server, no Wi-Fi. A
	 * hidden SSID (ignore_broadcast_ssid) is still an access point. */
	w->enabled = !b->start_disabled;
	w->is_ap = !h->not_wifi;
	w->band = band;
	unsigned wpa = b->wpa_set && !b->wpa_bad ? b->wpa : 0;
	unsigned rsn = 0;
	if (b->wpa_bad) {
		w->sec = WSEC_UNKNOWN;
		set_label(in, w, b->wpa_line, "wpa=%s", b->wpa_text);
	} else if (wpa && b->km_bad) {
		w->sec = WSEC_UNKNOWN;
		set_label(in, w, b->km_line, "wpa=%u wpa_key_mgmt=%s", wpa, b->km_text);
	} else if (wpa) {
		rsn = wpa_security(in, b, wpa);
	} else if (b->ieee8021x) {
		w->sec = WSEC_WEP;
		set_label2(in, w, b->ieee8021x_line, "ieee8021x=1 without wpa (dynamic WEP)",
			   "ieee8021x=1、wpa なし（動的 WEP）");
	} else if (b->wep_line) {
		w->sec = WSEC_WEP;
		set_label2(in, w, b->wep_line, "wep_key%u set, %s%.0s (static WEP)",
			   "wep_key%u あり、%.0s%s（静的 WEP）", b->wep_idx,
			   b->wpa_set ? "wpa=0" : "no wpa", b->wpa_set ? "wpa=0" : "wpa なし");
	} else {
		w->sec = WSEC_OPEN;
		if (b->wpa_set)
			set_label2(in, w, b->wpa_line, "wpa=0 (no encryption)", "wpa=0（暗号化なし）");
		else
			set_label2(in, w, b->start_line, "no wpa setting (hostapd default: no encryption)",
				   "wpa の設定なし（hostapd の既定: 暗号化なし）");
		if (b->pp || b->nsae)
			input_diag(in, DIAG_NOTE, b->pp ? b->pp_line : b->sae_line, 1,
				   "a passphrase is set but wpa is not, so hostapd runs this network "
				   "without encryption",
				   "パスフレーズは設定されていますが wpa がないため、hostapd はこのネットワークを"
				   "暗号化なしで動かします");
	}
	/* WPS as hostapd_config_check_bss() leaves it. */
	if (b->wps >= 0) {
		bool on = b->wps > 0 && w->enabled && w->is_ap && !b->hidden &&
			  !(b->wep_line && !wpa) &&
			  !(wpa && (!(wpa & 2) || !(rsn & CI_AES)));
		struct device *d = &in->dev;
		/* Without config_methods: hostapd's default methods (PIN). */
		bool pin = b->ap_pin || !b->cm_set || b->cm_pin;
		if (on) {
			device_wps_on(d, b->wps_line, pin ? TRI_YES : TRI_UNSET,
				      b->cm_set && b->cm_push ? TRI_YES : TRI_NO);
		} else if (d->wps == TRI_UNSET) {
			d->wps = TRI_NO;
			d->wps_line = b->wps_line;
		}
	}
}

static int hostapd_parse(struct input *in, const struct run_ctx *ctx)
{
	(void)ctx;
	struct hctx h = {.in = in};
	h.tail = &h.bss;
	in->has_coverage = true;
	const char *s = in->data;
	size_t n = in->len, i = 0;
	unsigned line = 0;
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		i = 3;
	while (i < n && !h.oom) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t ls = i, le = nl ? (size_t)(nl - s) : n;
		i = le + 1;
		line++;
		while (le > ls && s[le - 1] == '\r')
			le--;
		size_t j = ls;
		while (j < le && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j == le || s[j] == '#')
			continue;
		in->lines_total++;
		if (!h.cur && !bss_new(&h, line))
			break;
		if (read_line(&h, j - ls, s + j, le - j, line))
			in->lines_understood++;
	}
	if (h.oom) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	if (!in->lines_total) {
		input_fail(in, "no settings: every line is blank or a comment",
			   "設定がありません: どの行も空行かコメントです");
		return EL_EPARSE;
	}
	input_unknown_end(in);
	/* hw_mode is per radio (default b, 2.4 GHz); a 6 GHz op_class (131-137,
	 * is_6ghz_op_class) makes an "a" radio a 6 GHz one. */
	struct sval band = {0};
	if (h.op_class >= 131 && h.op_class <= 137) {
		band.s = "6GHz";
		band.line = h.op_line;
	} else if (h.hw_mode && strcmp(h.hw_mode, "a") == 0) {
		band.s = "5GHz";
	} else if (h.hw_mode && (strcmp(h.hw_mode, "b") == 0 || strcmp(h.hw_mode, "g") == 0)) {
		band.s = "2.4GHz";
	} else if (h.hw_mode && strcmp(h.hw_mode, "ad") == 0) {
		band.s = "60GHz";
	}
	if (band.s && !band.line)
		band.line = h.hw_line;
	for (struct hbss *b = h.bss; b; b = b->next)
		bss_finish(&h, b, band);
	in->has_device = true;
	return 0;
}

static int hostapd_probe(const char *head, size_t n)
{
	static const char *const keys[] = {
		"interface=", "driver=", "ssid=", "hw_mode=", "channel=", "wpa=",
		"wpa_passphrase=", "wpa_key_mgmt=", "rsn_pairwise=", "wpa_pairwise=",
		"ctrl_interface=", "auth_algs=", "sae_password=", "ieee80211n=",
		"ieee80211w=", "macaddr_acl=", NULL};
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len))
		for (size_t k = 0; keys[k]; k++)
			if (probe_starts(ls, len, keys[k], false))
				hits++;
	return hits >= 2 ? 65 : 0;
}

const struct parser parser_hostapd = {
	.kind = {
		.name = "hostapd",
		.label = "hostapd.conf",
		.label_ja = "hostapd.conf",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
	},
	.probe = hostapd_probe,
	.parse = hostapd_parse,
	.max_bytes = 16u << 20,
	.expect = "hostapd",
	.expect_ja = "hostapd",
	.what = "file",
	.what_ja = "ファイル",
};
