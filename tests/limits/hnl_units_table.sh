#!/usr/bin/env bash
# tools/hnl_units_table.py on a small spreadsheet written here (an .xlsx is a zip of XML parts; no
# ../shared needed): rows with file_bottom only, a top/bottom pair, file_top == file_bottom, CL
# "2sigma", an unknown unit; then `fipbounds limits import hnlimits DIR --units-table` on matching
# data files: MeV masses converted, the pair a closed region, the top skipped, the closed file closed.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/db.xlsx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
head = ["id", "plot_label", "file_top", "file_bottom", "description", "year", "units", "reference", "is_invisible",
        "hnl_type", "CL", "linked_data", "type"]
sheets = {
    "Ue4": [head,
            ["triumf", "TRIUMF", "", "ue4/TRIUMF_1992.dat", "pi -> e N", "1992", "MeV", "Britton:1992xv", "1", "Irrelevant", "90.0", "", "PS"],
            ["belle", "Belle", "belle/top.dat", "belle/bottom.dat", "B decays", "2013", "GeV", "Belle:2013ytx", "0", "Dirac", "90.0", "", "BD"],
            ["odd", "Odd", "", "ue4/odd.dat", "x", "2000", "furlong", "X:2000", "0", "", "90", "", "BD"]],
    "Umu4": [head,
             ["na3", "NA3", "NA3/NA3.dat", "NA3/NA3.dat", "beam dump", "1986", "GeV", "NA3:1986ahv", "0", "Dirac", "90.0", "", "BD"],
             ["cosmo", "BBN", "", "cosmo/bottom.dat", "BBN", "2020", "GeV", "Sabti:2020yrt", "0", "", "2sigma", "", "C"]],
}
strings, index = [], {}
def sid(t):
    if t not in index:
        index[t] = len(strings); strings.append(t)
    return index[t]
def col(i):
    return chr(65 + i)
z = zipfile.ZipFile(sys.argv[1], "w")
M = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
wb, rels = [], []
for k, (name, rows) in enumerate(sheets.items(), start=1):
    xml = [f'<worksheet {M}><sheetData>']
    for r, row in enumerate(rows, start=1):
        xml.append(f'<row r="{r}">' + "".join(f'<c r="{col(i)}{r}" t="s"><v>{sid(v)}</v></c>' for i, v in enumerate(row) if v) + "</row>")
    xml.append("</sheetData></worksheet>")
    z.writestr(f"xl/worksheets/sheet{k}.xml", "".join(xml))
    wb.append(f'<sheet name="{name}" sheetId="{k}" r:id="rId{k}"/>')
    rels.append(f'<Relationship Id="rId{k}" Type="worksheet" Target="worksheets/sheet{k}.xml"/>')
z.writestr("xl/workbook.xml", f'<workbook {M} {R}><sheets>{"".join(wb)}</sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>')
z.writestr("xl/sharedStrings.xml", f'<sst {M}>' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
z.close()
PY
/usr/bin/python3 "$src/tools/hnl_units_table.py" "$tmp/db.xlsx" "$tmp/tables" > "$tmp/out" 2> "$tmp/err"
grep -q "Ue4 row 4 (odd): unit 'furlong'" "$tmp/err"
t="$tmp/tables/hnl_Ue4.units"
head -1 "$t" | grep -qx "# fipbounds-units-table 1"
grep -A3 -x "\[ue4/TRIUMF_1992.dat\]" "$t" | grep -qx "x_unit = MeV"
grep -qx "top_file = belle/top.dat" "$t"
grep -qx "top_of = belle/bottom.dat" "$t"
grep -qx "assumptions = dark_matter=none; decay=any; hnl_type=Irrelevant" "$t"
grep -qx "reference = INSPIRE:Britton:1992xv" "$t"
if grep -q "odd.dat" "$t"; then echo "FAIL: a row with an unknown unit is in the table"; exit 1; fi
u="$tmp/tables/hnl_Umu4.units"
grep -A8 -x "\[NA3/NA3.dat\]" "$u" | grep -qx "kind = closed"
grep -A8 -x "\[cosmo/bottom.dat\]" "$u" | grep -qx "cl_percent = 95.45"
# the data files and the import of the directory with the table
d="$tmp/data"; mkdir -p "$d/ue4" "$d/belle" "$d/NA3"
printf '# m4 (MeV) Ue4^2\n49.06 1.2e-7\n131.26 2.5e-8\n' > "$d/ue4/TRIUMF_1992.dat"
printf '0.5 1e-4\n3.0 1e-5\n' > "$d/belle/bottom.dat"
printf '0.5 1e-2\n3.0 1e-3\n' > "$d/belle/top.dat"
"$exe" limits import hnlimits "$d" --units-table "$t" -o "$tmp/lim" > "$tmp/out"
grep -q "imported 2 of 2 file(s)" "$tmp/out"
grep -qx "# kind: closed" "$tmp/lim/belle.limit"
grep -qx "0.04906 1.2e-07" "$tmp/lim/triumf.limit"
grep -qx "# x_unit: GeV" "$tmp/lim/triumf.limit"
# the top given explicitly is skipped with its reason, not imported twice
"$exe" limits import hnlimits "$d/belle/top.dat" --units-table "$t" -o "$tmp/lim2" > "$tmp/out"
grep -q "skipped .*top.dat is the upper edge of the excluded region of belle/bottom.dat" "$tmp/out"
# the Umu4 table: the copy has no NA3 file -> reported, nothing to import (exit 2: no files)
set +e; "$exe" limits import hnlimits "$d" --units-table "$u" -o "$tmp/lim3" > "$tmp/out" 2>&1; st=$?; set -e
if [ "$st" -ne 2 ]; then echo "FAIL: exit status $st, expected 2"; cat "$tmp/out"; exit 1; fi
grep -q "[0-9]* file(s) of the units table .* are not in this copy" "$tmp/out"
# the files of the earlier Nlimits lists that the spreadsheet lacks are in the tables, marked
grep -A6 -x "\[ue4/PIENU.dat\]" "$t" | grep -qx "x_unit = MeV"
grep -A10 -x "\[umu4/PS191_bottom.dat\]" "$u" | grep -qx "top_file = umu4/PS191_top.dat"
echo "ok"
