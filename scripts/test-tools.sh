#!/usr/bin/env bash
# The outside programs the tests compare houqin with: hledger (the export is checked by the real
# hledger), Chromium (the HTML report is rendered and photographed) and OpenSSH's ssh-keygen and
# ssh-agent (signatures by key are made and verified by the real ones); for paper (docs/paper.md) the
# Noto CJK fonts a PDF embeds and poppler's pdftotext/pdffonts/pdftoppm that read it back. Installed from the Debian
# packages when missing; CI runs this through `make test`.
set -u
want=()
command -v hledger >/dev/null 2>&1 || want+=(hledger)
command -v chromium >/dev/null 2>&1 || want+=(chromium)
command -v ssh-keygen >/dev/null 2>&1 || want+=(openssh-client)
command -v pdftotext >/dev/null 2>&1 || want+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || want+=(libpango-1.0-0 libpangoft2-1.0-0)  # WeasyPrint lays text out with Pango
[ -n "$(find /usr/share/fonts -name 'NotoSansCJK-Regular.ttc' -print -quit 2>/dev/null)" ] || want+=(fonts-noto-cjk)
[ ${#want[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo -n"
if command -v apt-get >/dev/null 2>&1; then
    $sudo apt-get install -y -q "${want[@]}" >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "${want[@]}" >/dev/null 2>&1; } \
        || echo "test-tools: could not install ${want[*]}; the tests that need them will fail" >&2
else
    echo "test-tools: no apt-get; install ${want[*]} yourself" >&2
fi
exit 0
