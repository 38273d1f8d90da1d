#!/usr/bin/env bash
# rebuild-pages.sh rebuilds pages/*.html of the extraction development set (the 127 pages
# annotations.txt names) from local copies of the repositories they come from; it uses no network.
#
#   rebuild-pages.sh FUNDUS_GIT GOOSE3_GIT GRABY_GIT READABILITY_DIR OUT_DIR
#
# FUNDUS_GIT, GOOSE3_GIT, GRABY_GIT: git directories (bare or .git) of clones with full history of
#   github.com/flairNLP/fundus, github.com/goose3/goose3, github.com/j0k3r/graby.
# READABILITY_DIR: codeberg.org/readeck/go-readability/v2@v2.1.2 in the Go module cache
#   ("$(go env GOMODCACHE)/codeberg.org/readeck/go-readability/v2@v2.1.2" after go mod download).
# OUT_DIR: the folder to write NAME.html into, usually $BITEXT_FIXTURES/extract/pages.
#
# Every page is taken by its git blob id, so a clone at any later commit gives the same bytes
# (pages that fundus has since deleted included), and the go-readability page is checked by its
# SHA-256. Each page is written to a temporary file and renamed into place.
set -euo pipefail

if [ $# -ne 5 ]; then
	echo "usage: $0 FUNDUS_GIT GOOSE3_GIT GRABY_GIT READABILITY_DIR OUT_DIR" >&2
	exit 2
fi
fundus=$1 goose3=$2 graby=$3 readability=$4 out=$5
mkdir -p "$out"

# put NAME COMMAND... writes what COMMAND prints to OUT_DIR/NAME.html through a temporary
# file, renamed into place only when COMMAND succeeded: a failed rebuild leaves the old page.
put() {
	local name=$1 tmp
	shift
	tmp=$(mktemp "$out/.$name.XXXXXX")
	if "$@" >"$tmp"; then
		chmod 644 "$tmp"
		mv "$tmp" "$out/$name.html"
	else
		rm -f "$tmp"
		echo "$0: could not rebuild $name" >&2
		exit 1
	fi
}

# blob GITDIR BLOB PATH prints a blob, naming repository and path when it is missing.
blob() {
	if ! git --git-dir="$1" cat-file -e "$2^{blob}" 2>/dev/null; then
		echo "$0: $1 has no blob $2 ($3); is it a full clone?" >&2
		return 1
	fi
	git --git-dir="$1" cat-file blob "$2"
}

# gzipped_blob GITDIR BLOB PATH prints a gzipped blob unpacked (pipefail: either may fail).
gzipped_blob() { blob "$@" | gunzip -c; }

# checked_file SHA256 PATH prints a file whose SHA-256 is as given.
checked_file() {
	if ! echo "$1  $2" | sha256sum -c --status 2>/dev/null; then
		echo "$0: $2 is missing or not the file expected (SHA-256 $1)" >&2
		return 1
	fi
	cat "$2"
}

n=0
# Columns: source, page name, git blob id, path in fundus (at commit 18da6e5 for fundus-de and
# fundus-at-ch-lu-li; at the commit before fundus deleted it for fundus-de-history).
while read -r source name id path; do
	case $source in '' | '#'*) continue ;; esac
	put "$name" gzipped_blob "$fundus" "$id" "$path"
	n=$((n + 1))
done <<'EOF'
fundus-de	AFPFaktencheck_2026_05_24	7d35f4fbf83fe8aefc59f9936bd4ebe29f9e6e68	tests/resources/parser/test_data/de/AFPFaktencheck_2026_05_24.html.gz
fundus-de	BR_2024_04_22	6294aa2b1c0d82b253a1a29e1f76008bb0fbadd3	tests/resources/parser/test_data/de/BR_2024_04_22.html.gz
fundus-de	BR_2024_08_27	71a942a79a62fd64db028db93b13cb7b5e992dc0	tests/resources/parser/test_data/de/BR_2024_08_27.html.gz
fundus-de	BR_2026_04_15	433a25b0a9201504ff67835e82cad49c9f35b5c6	tests/resources/parser/test_data/de/BR_2026_04_15.html.gz
fundus-de	BSZ_2024_05_16	2b32d97e1b84d7dab12b5a6ae5847dd827a12ba0	tests/resources/parser/test_data/de/BSZ_2024_05_16.html.gz
fundus-de	BSZ_2025_09_09	3e3f6504ae1eea15da4f9ddabe493a9d2da66278	tests/resources/parser/test_data/de/BSZ_2025_09_09.html.gz
fundus-de	BSZ_2025_11_06	c8e586cc82c18f8f9961dc350561cd25f5c50166	tests/resources/parser/test_data/de/BSZ_2025_11_06.html.gz
fundus-de	BerlinerMorgenpost_2024_05_03	fb87290d41a264faace91f5f38338d42b08b7186	tests/resources/parser/test_data/de/BerlinerMorgenpost_2024_05_03.html.gz
fundus-de	BerlinerMorgenpost_2025_09_09	5eb8a675335382be2c72fac039d13bea1121ded9	tests/resources/parser/test_data/de/BerlinerMorgenpost_2025_09_09.html.gz
fundus-de	BerlinerMorgenpost_2025_11_06	0d8003c6c8c7cf3c6cd199289202d4c4f2f61877	tests/resources/parser/test_data/de/BerlinerMorgenpost_2025_11_06.html.gz
fundus-de	BerlinerZeitung_2023_04_28	9195d186c80b63279a4636f5390d7f6d9d55bb26	tests/resources/parser/test_data/de/BerlinerZeitung_2023_04_28.html.gz
fundus-de	BerlinerZeitung_2026_05_18	77315612b3671adbe169ee825c56cc1243e0e68a	tests/resources/parser/test_data/de/BerlinerZeitung_2026_05_18.html.gz
fundus-de	Bild_2023_05_15	a40c5e43375ea29961f75f19c1b595b49eae24f2	tests/resources/parser/test_data/de/Bild_2023_05_15.html.gz
fundus-de	BoersenZeitung_2024_10_23	f44b855de95333ccc9dc67e5d255e0b60db5a3e5	tests/resources/parser/test_data/de/BoersenZeitung_2024_10_23.html.gz
fundus-de	BoersenZeitung_2024_12_16	366ff353d07c7b9b5619066f708ebef3b348bdee	tests/resources/parser/test_data/de/BoersenZeitung_2024_12_16.html.gz
fundus-de	BoersenZeitung_2025_11_06	8a77b43e7d4def34b35eee145176336bb1a9bd5b	tests/resources/parser/test_data/de/BoersenZeitung_2025_11_06.html.gz
fundus-de	BusinessInsiderDE_2024_01_29	f02e309244da042fe6e2677d65e83d86e44eac46	tests/resources/parser/test_data/de/BusinessInsiderDE_2024_01_29.html.gz
fundus-de	Correctiv_2026_05_24	054e34743fc5548ce659ecbdda518d108c3f43a1	tests/resources/parser/test_data/de/Correctiv_2026_05_24.html.gz
fundus-de	DW_2023_04_28	fc710f145f073b06b8f809832338f6e93bfafab7	tests/resources/parser/test_data/de/DW_2023_04_28.html.gz
fundus-de	DW_2023_06_13	c3e02fa4e597ee2fb1bb6c5baf9c26355da9d78c	tests/resources/parser/test_data/de/DW_2023_06_13.html.gz
fundus-de	DW_2024_01_30	0d7653e83aa54869e8982ba18e59ffa4b8741f1a	tests/resources/parser/test_data/de/DW_2024_01_30.html.gz
fundus-de	DerFreitag_2025_10_20	97d96a37fd9942a69af20d260c42e0bb3ff4772e	tests/resources/parser/test_data/de/DerFreitag_2025_10_20.html.gz
fundus-de	DieWelt_2023_04_28	f7992444ad7eec8d6ff66eb09f3db511b7c70558	tests/resources/parser/test_data/de/DieWelt_2023_04_28.html.gz
fundus-de	DieWelt_2024_08_27	549954d14b29d2efdad3d890e1d462810dbbe8f1	tests/resources/parser/test_data/de/DieWelt_2024_08_27.html.gz
fundus-de	DieZeit_2023_04_28	a613dc6aa73ae1f3e01c310bfaa7d2a0eb926f69	tests/resources/parser/test_data/de/DieZeit_2023_04_28.html.gz
fundus-de	EuronewsDE_2024_04_30	bb03cd8c69b3c179c579d71aace35afa4a0708e6	tests/resources/parser/test_data/de/EuronewsDE_2024_04_30.html.gz
fundus-de	EuronewsDE_2026_01_06	67ff131fd3a0364afd7c5ca235d331a19405500a	tests/resources/parser/test_data/de/EuronewsDE_2026_01_06.html.gz
fundus-de	FAZ_2023_04_28	a4202e4f75a89fdde2b39ebe602a400df2110c88	tests/resources/parser/test_data/de/FAZ_2023_04_28.html.gz
fundus-de	FAZ_2024_04_17	53556dfa3fd1d70a88943d4395c5127ca99a345f	tests/resources/parser/test_data/de/FAZ_2024_04_17.html.gz
fundus-de	FAZ_2025_04_15	a90e425993fd57aea177fceb68ede64a54afb573	tests/resources/parser/test_data/de/FAZ_2025_04_15.html.gz
fundus-de	Focus_2023_04_28	80f5415cbc6591f8e5e4bfad4d17d311ad974576	tests/resources/parser/test_data/de/Focus_2023_04_28.html.gz
fundus-de	FrankfurterRundschau_2024_04_26	4385da3d96aa3c49e3c18d9c073a98cfbcd5885d	tests/resources/parser/test_data/de/FrankfurterRundschau_2024_04_26.html.gz
fundus-de	FreiePresse_2024_04_30	d25b4a8607cefd4a268b98ba19c4f92944c02914	tests/resources/parser/test_data/de/FreiePresse_2024_04_30.html.gz
fundus-de	FreiePresse_2024_11_29	8cae531495bf24c823ef5789bbc0b90b1fa31811	tests/resources/parser/test_data/de/FreiePresse_2024_11_29.html.gz
fundus-de	Gamestar_2024_04_28	14e7d7d18d29ee18f87f5cea6c8523208805d588	tests/resources/parser/test_data/de/Gamestar_2024_04_28.html.gz
fundus-de	Golem_2024_04_28	cb126a1803d24f7782bce941368b3c69b3a77e23	tests/resources/parser/test_data/de/Golem_2024_04_28.html.gz
fundus-de	Golem_2025_09_09	dc50d21ac269b3076b315bca29afc63a8dea979a	tests/resources/parser/test_data/de/Golem_2025_09_09.html.gz
fundus-de	HamburgerAbendblatt_2024_04_28	2e1782db74d8f0867fe6206b5687578c968d9f6a	tests/resources/parser/test_data/de/HamburgerAbendblatt_2024_04_28.html.gz
fundus-de	HamburgerAbendblatt_2025_09_09	4d5cee35dc39bfcccdb78445861d520d2b03adc8	tests/resources/parser/test_data/de/HamburgerAbendblatt_2025_09_09.html.gz
fundus-de	HamburgerAbendblatt_2025_11_06	e2949a0580d87ca05c54a73ec13d53950d98feab	tests/resources/parser/test_data/de/HamburgerAbendblatt_2025_11_06.html.gz
fundus-de	Heise_2024_04_19	ee8cd74e2d677dc55ca0db551c5d0bf36333e916	tests/resources/parser/test_data/de/Heise_2024_04_19.html.gz
fundus-de	Hessenschau_2024_04_27	9239f379b710de7417b7a6f229930a6f4a8616a7	tests/resources/parser/test_data/de/Hessenschau_2024_04_27.html.gz
fundus-de	JungeWelt_2024_04_26	06a7914b1709bfbdf8e49dc9d15f73c6fc55b170	tests/resources/parser/test_data/de/JungeWelt_2024_04_26.html.gz
fundus-de	JungeWelt_2026_05_18	242c0c32f1fe27de17944a7d45a3671d07c9c333	tests/resources/parser/test_data/de/JungeWelt_2026_05_18.html.gz
fundus-de	Kicker_2024_04_26	4bad8966c77686502b0a85ebbfbe4e09a730e55e	tests/resources/parser/test_data/de/Kicker_2024_04_26.html.gz
fundus-de	KlasseGegenKlasse_2026_01_07	f07cad382b0d25e00cde9f88d0428b5196f4ce2c	tests/resources/parser/test_data/de/KlasseGegenKlasse_2026_01_07.html.gz
fundus-de	Krautreporter_2024_08_22	666af9b4fe62388a751e3f8bca98973475d7e9d1	tests/resources/parser/test_data/de/Krautreporter_2024_08_22.html.gz
fundus-de	LTO_2025_10_20	8858e8240615b7d32025c8a3f3392ee9e0f5bf83	tests/resources/parser/test_data/de/LTO_2025_10_20.html.gz
fundus-de	MDR_2023_04_28	255274bd195ecb83fa642f0938c0e755f10723dd	tests/resources/parser/test_data/de/MDR_2023_04_28.html.gz
fundus-de	MDR_2026_07_08	767d18bf4d1a76fed56d0cd3c0a8c3bcaeaf60c4	tests/resources/parser/test_data/de/MDR_2026_07_08.html.gz
fundus-de	Merkur_2023_04_28	1570e91b2fb467ce8c6d2edfc84c1013c437728b	tests/resources/parser/test_data/de/Merkur_2023_04_28.html.gz
fundus-de	MitteldeutscheZeitung_2024_04_30	9b3e0b8711940b1297f289b6fe8afcd73d3ab287	tests/resources/parser/test_data/de/MitteldeutscheZeitung_2024_04_30.html.gz
fundus-de	MotorSportMagazin_2024_04_24	249908dc473aa4a51ab3eca412d230cbe859bb4f	tests/resources/parser/test_data/de/MotorSportMagazin_2024_04_24.html.gz
fundus-de	NDR_2023_04_28	7bfcce37e782c26b5d52a47a832c0e0d6e832b17	tests/resources/parser/test_data/de/NDR_2023_04_28.html.gz
fundus-de	NDR_2025_06_18	a5bd888708ffc13cd382e67d4f574695a028aebd	tests/resources/parser/test_data/de/NDR_2025_06_18.html.gz
fundus-de	NTV_2023_04_28	bd1f9ac9c06e6d76b8ae299f385784758ce58480	tests/resources/parser/test_data/de/NTV_2023_04_28.html.gz
fundus-de	NTV_2024_08_05	98485c01700d8fada5f2c65ed115ad612cfedd49	tests/resources/parser/test_data/de/NTV_2024_08_05.html.gz
fundus-de	NTV_2025_12_12	7fb6e05b8dfb2d2fd0dc2f221568df187679ccb4	tests/resources/parser/test_data/de/NTV_2025_12_12.html.gz
fundus-de	NetzpolitikOrg_2024_04_28	9aab4282789bac7ddfd4f980eb64ad1d2e40d321	tests/resources/parser/test_data/de/NetzpolitikOrg_2024_04_28.html.gz
fundus-de	Postillon_2024_04_25	25aa2390e9a67ff3cf007d5d9ae62822a101df62	tests/resources/parser/test_data/de/Postillon_2024_04_25.html.gz
fundus-de	RBB24_2024_04_25	587552bcafacb523172e4a3a47fbfcf9127ee6f9	tests/resources/parser/test_data/de/RBB24_2024_04_25.html.gz
fundus-de	RheinischePost_2024_04_21	b857ac9fc6f142c3bb3f87e56e794a4b0b12f0c2	tests/resources/parser/test_data/de/RheinischePost_2024_04_21.html.gz
fundus-de	RuhrNachrichten_2024_05_03	b0e6945cf0f8371cceb3505409a5259d08737d72	tests/resources/parser/test_data/de/RuhrNachrichten_2024_05_03.html.gz
fundus-de	SZ_2023_04_28	b6f3f198a48aa7f837fb4788b008605c3e1b479d	tests/resources/parser/test_data/de/SZ_2023_04_28.html.gz
fundus-de	SZ_2024_09_30	1a46b5bd1b925c72b0904bf761eb07105ee9d7c1	tests/resources/parser/test_data/de/SZ_2024_09_30.html.gz
fundus-de	SpiegelOnline_2023_04_28	3822088471c77a7796b03f04d8c2f7b3a0269f47	tests/resources/parser/test_data/de/SpiegelOnline_2023_04_28.html.gz
fundus-de	SportSchau_2024_04_25	c49a6cea6ad4a9e2274e4af521b9e1e8adffc627	tests/resources/parser/test_data/de/SportSchau_2024_04_25.html.gz
fundus-de	Stern_2023_04_28	d51fee6b4e73bfd36bbe8a91303e1c0def4204bd	tests/resources/parser/test_data/de/Stern_2023_04_28.html.gz
fundus-de	Stern_2024_11_05	4a2d22a16170478b8bead29bb350deb404402f92	tests/resources/parser/test_data/de/Stern_2024_11_05.html.gz
fundus-de	StuttgarterZeitung_2025_10_25	0b6d9fbbf4f57cca56afcefb5d3e90bb563cb094	tests/resources/parser/test_data/de/StuttgarterZeitung_2025_10_25.html.gz
fundus-de	StuttgarterZeitung_2026_07_11	74c3208982710820307cef56d5173eb51d95b350	tests/resources/parser/test_data/de/StuttgarterZeitung_2026_07_11.html.gz
fundus-de	TOnline_2026_01_07	9f3e76268fbb04aec48f496dd4661f0e036c56a8	tests/resources/parser/test_data/de/TOnline_2026_01_07.html.gz
fundus-de	TOnline_2026_04_15	5f2063fe87e3a35b3d35cdfb62d314c4a4dab7ed	tests/resources/parser/test_data/de/TOnline_2026_04_15.html.gz
fundus-de	Tagesschau_2023_04_28	c1eb3045473c6e6de0580462d52e0be67ac8434c	tests/resources/parser/test_data/de/Tagesschau_2023_04_28.html.gz
fundus-de	Tagesspiegel_2024_04_29	5afd020a8fcc6e877112d2c868c0e9da043844d8	tests/resources/parser/test_data/de/Tagesspiegel_2024_04_29.html.gz
fundus-de	Taz_2023_04_28	2ff9dea063e78c38f60364e8ce1154366e7bfbab	tests/resources/parser/test_data/de/Taz_2023_04_28.html.gz
fundus-de	VogueDE_2024_04_30	e5f408b0b47e15375998181bac22e9ade1535f53	tests/resources/parser/test_data/de/VogueDE_2024_04_30.html.gz
fundus-de	WAZ_2023_06_29	375c325fbd0905512273d48b470a1aaaa63f0d62	tests/resources/parser/test_data/de/WAZ_2023_06_29.html.gz
fundus-de	WAZ_2024_03_08	d91127e9645730e0095d5a3c2adcae4b1aa1a9fe	tests/resources/parser/test_data/de/WAZ_2024_03_08.html.gz
fundus-de	WAZ_2025_09_10	753f7e4026750b90f54941f2f57f3a52f631fe0a	tests/resources/parser/test_data/de/WAZ_2025_09_10.html.gz
fundus-de	WAZ_2025_11_06	aa02c8ccb51f3350abd1d1da4fad259032914508	tests/resources/parser/test_data/de/WAZ_2025_11_06.html.gz
fundus-de	WDR_2024_04_22	9d61915836ef3f5af9349ae2ee65f549ceb23d7b	tests/resources/parser/test_data/de/WDR_2024_04_22.html.gz
fundus-de	WinFuture_2024_04_29	4161f66f3e47b90a907d14082118466f34e6272b	tests/resources/parser/test_data/de/WinFuture_2024_04_29.html.gz
fundus-de	ZDF_2024_04_22	808a8e945ddfd64ffbfda265b555c588beeae694	tests/resources/parser/test_data/de/ZDF_2024_04_22.html.gz
fundus-de	ZDF_2025_11_07	4c58940607714020b639cd7f771d0112581ddb97	tests/resources/parser/test_data/de/ZDF_2025_11_07.html.gz
fundus-at-ch-lu-li	DerStandard_2024_05_03	422d0a30e7e38793ef336c68d8db027cba21e7de	tests/resources/parser/test_data/at/DerStandard_2024_05_03.html.gz
fundus-at-ch-lu-li	DiePresse_2025_06_05	b108e0077ece8ad5dd6743c4438678fe220a9720	tests/resources/parser/test_data/at/DiePresse_2025_06_05.html.gz
fundus-at-ch-lu-li	KleineZeitung_2025_06_30	206d438fe4790a86a71b8218fd68d28557933918	tests/resources/parser/test_data/at/KleineZeitung_2025_06_30.html.gz
fundus-at-ch-lu-li	ORF_2024_11_22	606d9df19ac202366d97ff42987d6e8084f57cd3	tests/resources/parser/test_data/at/ORF_2024_11_22.html.gz
fundus-at-ch-lu-li	SalzburgerNachrichten_2025_06_05	8e17499be8208f6a735f9a733662ea06852e1563	tests/resources/parser/test_data/at/SalzburgerNachrichten_2025_06_05.html.gz
fundus-at-ch-lu-li	SalzburgerNachrichten_2026_01_06	6a32ddd1c2b1668a454a6bd12342cfb3b6ffa87b	tests/resources/parser/test_data/at/SalzburgerNachrichten_2026_01_06.html.gz
fundus-at-ch-lu-li	NZZ_2024_07_18	fa751f62aeaf516158284ebb8841751a427cf988	tests/resources/parser/test_data/ch/NZZ_2024_07_18.html.gz
fundus-at-ch-lu-li	SRF_2024_04_15	bb1273466c6d641962d5759f3c484b4e40cc0a14	tests/resources/parser/test_data/ch/SRF_2024_04_15.html.gz
fundus-at-ch-lu-li	SRF_2025_01_05	c42ab36a951c5117341440cfacc27bfea4bd20b0	tests/resources/parser/test_data/ch/SRF_2025_01_05.html.gz
fundus-at-ch-lu-li	TagesAnzeiger_2024_09_04	2837905351f07225512219cca62305b283aef144	tests/resources/parser/test_data/ch/TagesAnzeiger_2024_09_04.html.gz
fundus-at-ch-lu-li	TagesAnzeiger_2026_05_18	80ca07f83decd58569a17377ef1d924c68b14d7e	tests/resources/parser/test_data/ch/TagesAnzeiger_2026_05_18.html.gz
fundus-at-ch-lu-li	ZwanzigMinuten_2024_12_17	906a773b878e28f8439f1bb594c72ff929c7ce2f	tests/resources/parser/test_data/ch/ZwanzigMinuten_2024_12_17.html.gz
fundus-at-ch-lu-li	ZwanzigMinuten_2025_11_06	9c5515f326918045f73afb0c7f433c43f26800f6	tests/resources/parser/test_data/ch/ZwanzigMinuten_2025_11_06.html.gz
fundus-at-ch-lu-li	LuxemburgerWort_2025_06_30	4dabe87510d800e7c645f8e2cee50ea03fb18934	tests/resources/parser/test_data/lu/LuxemburgerWort_2025_06_30.html.gz
fundus-at-ch-lu-li	LuxemburgerWort_2026_07_12	af387ec50a3e5ad97315ec2b8c9cd60239332e33	tests/resources/parser/test_data/lu/LuxemburgerWort_2026_07_12.html.gz
fundus-at-ch-lu-li	Tageblatt_2025_06_30	3564905cdd32c8fba704d553069095c52be3a650	tests/resources/parser/test_data/lu/Tageblatt_2025_06_30.html.gz
fundus-at-ch-lu-li	Tageblatt_2026_01_13	fc1f58a09878af285b4ea3f06d91fca55d98a0be	tests/resources/parser/test_data/lu/Tageblatt_2026_01_13.html.gz
fundus-at-ch-lu-li	Landesspiegel_2025_06_30	568399b11cea97a09eec518f08ce31f13b6ed735	tests/resources/parser/test_data/li/Landesspiegel_2025_06_30.html.gz
fundus-at-ch-lu-li	Landesspiegel_2026_01_27	382aa4f0845c00a73dc7460c7f2bf0bb75e39890	tests/resources/parser/test_data/li/Landesspiegel_2026_01_27.html.gz
fundus-at-ch-lu-li	Tageszeitung_2025_04_16	802491957ab4678638814d83a06f9665423fc027	tests/resources/parser/test_data/it/Tageszeitung_2025_04_16.html.gz
fundus-at-ch-lu-li	Wochenblatt_2025_04_16	26e5c97e8a45a0f8160ab090dba66dbc0c9e3f78	tests/resources/parser/test_data/py/Wochenblatt_2025_04_16.html.gz
fundus-de-history	BSZ_2024_01_29	d7db2a20f04d445160ba81d889a8139cd571814e	tests/resources/parser/test_data/de/BSZ_2024_01_29.html.gz
fundus-de-history	BoersenZeitung_2024_04_27	09de465027f1a37078e11029f8ee3c329cece3f0	tests/resources/parser/test_data/de/BoersenZeitung_2024_04_27.html.gz
fundus-de-history	SZ_2024_02_06	4b3ae3034dce5d6708f9c1342fef2ede480ccbe0	tests/resources/parser/test_data/de/SZ_2024_02_06.html.gz
fundus-de-history	Taz_2024_10_22	e34f9b8b9e90588683bbd0573f33814300141ee6	tests/resources/parser/test_data/de/Taz_2024_10_22.html.gz
fundus-de-history	WAZ_2023_06_20	d335becae5de484a1af7756a3b7085daa4ffb2da	tests/resources/parser/test_data/de/WAZ_2023_06_20.html.gz
fundus-de-history	ORF_2023_04_28	343f9bdaf71bdb533b4764f66737e7d3d314ff25	tests/resources/parser/test_data/at/ORF_2023_04_28.html.gz
fundus-de-history	BR_2024_04_21	c6955b9cfb906454de665b80276ee37a51b25cff	tests/resources/parser/test_data/de/BR_2024_04_21.html.gz
fundus-de-history	BerlinerMorgenPost_2024_04_29	1eea53309d590327dbb2d9358156159a11345e3a	tests/resources/parser/test_data/de/BerlinerMorgenPost_2024_04_29.html.gz
fundus-de-history	FreiePresse_2024_04_29	1947e7f4a0b7d0cd8be5ca274ad4d88b9263f5b6	tests/resources/parser/test_data/de/FreiePresse_2024_04_29.html.gz
fundus-de-history	FreiePresse_2024_11_26	466b219352ea6a7cd7c328ad574e77bebc836b8e	tests/resources/parser/test_data/de/FreiePresse_2024_11_26.html.gz
fundus-de-history	KlasseGegenKlasse_2025_10_23	d630138ea79d8e5568bd149b59b455589cb925b4	tests/resources/parser/test_data/de/KlasseGegenKlasse_2025_10_23.html.gz
fundus-de-history	MitteldeutscheZeitung_2024_04_28	10f979801ddbea522f3264e791d55890eae77fd5	tests/resources/parser/test_data/de/MitteldeutscheZeitung_2024_04_28.html.gz
fundus-de-history	Vogue_2024_04_28	70870493b7352ff95018414ac422fc7a3dd76356	tests/resources/parser/test_data/de/Vogue_2024_04_28.html.gz
fundus-de-history	ZDF_2024_04_20	76990e73138cd2e69f97536c485557e4cbb433ae	tests/resources/parser/test_data/de/ZDF_2024_04_20.html.gz
fundus-de-history	ZwanzigMinuten_2024_10_15	722d5fdb744c4df7eb1a94a71822c7fc40fb2860	tests/resources/parser/test_data/ch/ZwanzigMinuten_2024_10_15.html.gz
fundus-de-history	DieWelt_old	04d81319bdf016367ad5cb871cb8c908f4ce9ed4	tests/resources/parser/test_data/de/DieWelt.html.gz
fundus-de-history	DieZeit_old	3a48efa11887d8e14871b579b189a5ccbeca00df	tests/resources/parser/test_data/de/DieZeit.html.gz
fundus-de-history	FAZ_old	f11ed47fab411704bb0f3a47019401fb02847fb5	tests/resources/parser/test_data/de/FAZ.html.gz
EOF

put Goose3WiWo blob "$goose3" f9d5828b3a97a21a7c9576e2fb16bf3188bd2139 tests/data/content/test_wiwo.html
put GrabyPresseportal blob "$graby" fb57195d8f309f95f23c5e04c0c8baa55dd8c6dd \
	tests/fixtures/content/https___www.presseportal.de_pm_103258_2930232.html
put ReadeckHeise checked_file 766652616a159e463936564c262546b243ad761dae221bc39a3b9b610e2952e6 \
	"$readability/test-pages/heise/source.html"
n=$((n + 3))
echo "wrote $n pages to $out"
