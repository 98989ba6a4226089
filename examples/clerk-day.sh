#!/usr/bin/env bash
# A clerk's day (保管员的一天) on a fresh ledger: set up people and places, register assets, file a
# reimbursement and collect its three signatures, and watch git refuse a hand edit that breaks the
# rules. Run: bash examples/clerk-day.sh /tmp/day   (needs `houqin` on PATH, e.g. .venv/bin)
set -euo pipefail
dir=${1:-$(mktemp -d)/ledger}

houqin init "$dir" --school 青禾县实验小学
cd "$dir"

# 1. The director lists the staff and the rooms (by hand: these files are plain YAML).
cat >> people.yaml <<'YAML'
- {name: 王建国, roles: [principal], department: 校长室, joined: 2008-08-25}
- {name: 李明, roles: [director, keeper], department: 总务处, joined: 2009-08-26}
- {name: 赵丽, roles: [cashier], department: 财务室, joined: 2014-08-25}
- {name: 周强, roles: [keeper], department: 总务处, joined: 2011-09-01}
- {name: 陈晓东, roles: [teacher], department: 信息组, joined: 2012-08-27}
YAML
cat >> places.yaml <<'YAML'
- {id: SY-301, name: 计算机教室, kind: function, building: 实验楼, keeper: 陈晓东}
- {id: XZ-201, name: 总务处, kind: office, building: 行政楼, keeper: 李明}
YAML
sed -i 's/amount: "0.00"/amount: "60000.00"/' catalog.yaml
sed -i 's/year: [0-9]*,/year: 2026,/' catalog.yaml
git add -A && git commit -qm "教职工、地点与预算"

# 1b. The officers sign by key (policy.signatures.require_keys; docs/signatures.md). Each makes their
# own key; the principal's first key is the trust anchor and registers the others. (Demonstration
# keys without a passphrase, kept beside the ledger: a real officer keeps theirs in an ssh-agent.)
keys=$(dirname "$dir")/keys
mkdir -p "$keys"
for who in wang li; do
  [ -f "$keys/$who" ] || ssh-keygen -q -t ed25519 -N '' -C "$who@demo" -f "$keys/$who"
done
houqin key add --person 王建国 --file "$keys/wang.pub" --anchor --on 2026-03-01
houqin key add --person 李明 --file "$keys/li.pub" --key "$keys/wang" --on 2026-03-01
houqin key list

# 2. The keeper registers what arrived (each command validates, writes one record, commits).
houqin asset add --name 联想台式电脑 --category A02010104 --price 4350 --quantity 1 \
  --place SY-301 --keeper 陈晓东 --model "启天M437" --date 2026-03-02
houqin asset add --name 激光打印机 --category A02020500 --price 1899 --place XZ-201 --keeper 李明 --date 2026-03-02
if houqin asset add --name 拖把 --category A05010100 --price 18 --place XZ-201 --keeper 李明 --date 2026-03-02; then
  echo "a mop should not become a fixed asset" >&2; exit 1
fi

# 3. A reimbursement ("三章"制): filed once, then signed by 经手人, 证明人 and 校长.
houqin expense add --payee 青禾县文汇办公用品店 --amount 436.00 --budget-line 30201 --purpose 教研活动用品 \
  --invoice 26442000000012345678 --invoice-date 2026-03-03 --date 2026-03-04
houqin expense sign BX-2026-0001 --as handler --by 周强 --on 2026-03-04
if houqin expense sign BX-2026-0001 --as witness --by 赵丽 --on 2026-03-04; then
  echo "the cashier must not witness" >&2; exit 1
fi
houqin expense sign BX-2026-0001 --as witness --by 李明 --on 2026-03-04 --key "$keys/li"
houqin expense sign BX-2026-0001 --as principal --by 王建国 --on 2026-03-05 --key "$keys/wang"
houqin expense list

# 4. Someone edits the file by hand to swap the principal's signature: git refuses the commit
# (the signature is not 陈晓东's, and 陈晓东 is no principal).
sed -i 's/by: 王建国/by: 陈晓东/' 2026/expenses.yaml
if git commit -qam "hand edit"; then
  echo "the hook let a forged signature in" >&2; exit 1
fi
echo "git refused the edit, as it should"
git checkout -q -- 2026/expenses.yaml

houqin check && houqin overview --at 2026-03-31
