#!/usr/bin/python3
"""Units table of the Heavy-Neutrino-Limits collection for `fipbounds limits import hnlimits`.

The collection (github.com/mhostert/Heavy-Neutrino-Limits, MIT) keeps the mass unit, confidence
level, reference and the top/bottom file pairs of each curve in its spreadsheet
local_HNL_database.xlsx (sheets Ue4, Umu4, Utau4), not in the data files, whose headers are not
reliable. This script reads that spreadsheet with the standard library only (an .xlsx file is a zip
of XML parts) and writes one units table per sheet in the project's format
(docs/limits-format.md, "Units tables"):

    # fipbounds-units-table 1
    [ue4/TRIUMF_1992.dat]
    experiment = triumf
    x_unit = MeV
    y_quantity = Ue2
    ...

Rows of the database:
  file_bottom only (or file_top only)  -> an upper_bound curve (excluded above it);
  file_top == file_bottom              -> kind = closed (the file is the closed boundary);
  file_top != file_bottom              -> the bottom entry gets top_file, the top entry top_of: the
                                          importer builds the closed region between the two edges.
CL: a number in percent, or 1sigma / 2sigma (68.27 / 95.45, two-sided Gaussian). Recorded, never
converted (the collection's own plotting rescales to 90% CL; the project does not).

Files of the collection that the database does not list (e.g. ue4/PIENU.dat, ue4/KEK.dat,
ue4/NA3_top.dat) are not in the tables: their units are unknown (headers disagree with the data,
e.g. ue4/De2_bryman_shrock.dat says GeV over 188-851, an MeV range); import them with explicit
--x-unit/--y-quantity/--cl or a sidecar if you know their units.

usage: hnl_units_table.py local_HNL_database.xlsx OUTDIR
writes OUTDIR/hnl_Ue4.units, OUTDIR/hnl_Umu4.units, OUTDIR/hnl_Utau4.units
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
SHEETS = {"Ue4": ("Ue2", "BC6", "ue4"), "Umu4": ("Umu2", "BC7", "umu4"), "Utau4": ("Utau2", "BC8", "utau4")}
UNITS = {"eV", "keV", "MeV", "GeV", "TeV"}
CL_WORDS = {"1sigma": 68.27, "2sigma": 95.45}


def col_index(ref):
    """'AB12' -> 27 (0-based column)."""
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_sheets(path):
    """{sheet name: list of rows (list of cell strings)}."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sh in wb.find("m:sheets", NS):
        name = sh.get("name")
        part = target.get(sh.get("{%s}id" % NS["r"]), "")
        part = part.lstrip("/")
        part = part if part.startswith("xl/") else "xl/" + part
        root = ET.fromstring(z.read(part))
        rows = []
        for r in root.find("m:sheetData", NS):
            cells = {}
            for c in r:
                v = c.find("m:v", NS)
                t = c.get("t")
                if t == "inlineStr":
                    text = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                elif v is None:
                    text = ""
                elif t == "s":
                    text = shared[int(v.text)]
                else:
                    text = v.text or ""
                cells[col_index(c.get("r"))] = text.strip()
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
        out[name] = rows
    return out


def cl_percent(text):
    t = text.strip()
    if t in CL_WORDS:
        return CL_WORDS[t]
    try:
        v = float(t)
    except ValueError:
        return None
    return v if 0 < v < 100 else None


def clean_value(text):
    """One line, no ';' or '=' (they separate assumptions), no '[' at the start."""
    return re.sub(r"\s+", " ", text.replace(";", ",").replace("=", "-")).strip()


def entries_from_sheet(sheet, rows, warn):
    y_quantity, benchmark, _ = SHEETS[sheet]
    head = rows[0]
    idx = {h: i for i, h in enumerate(head) if h}
    need = ["id", "file_top", "file_bottom", "units", "reference", "CL"]
    missing = [k for k in need if k not in idx]
    if missing:
        raise SystemExit(f"sheet {sheet}: columns {missing} missing (header {head})")

    def get(row, key):
        i = idx.get(key)
        return row[i].strip() if i is not None and i < len(row) and row[i] not in (None, "None") else ""

    entries = []
    for n, row in enumerate(rows[1:], start=2):
        ident = get(row, "id")
        top, bottom = get(row, "file_top"), get(row, "file_bottom")
        if not ident or not (top or bottom):
            continue
        unit, cl = get(row, "units"), cl_percent(get(row, "CL"))
        if unit not in UNITS or cl is None:
            warn(f"{sheet} row {n} ({ident}): unit '{unit}' or CL '{get(row, 'CL')}' not understood: left out")
            continue
        inv = get(row, "is_invisible").lower()
        decay = "any" if inv in ("1", "1.0", "true", "verdadero") else "visible" if inv in ("0", "0.0", "false", "falso") else ""
        assumptions = "dark_matter=none"
        if decay:
            assumptions += f"; decay={decay}"
        if get(row, "hnl_type"):
            assumptions += f"; hnl_type={clean_value(get(row, 'hnl_type'))}"
        notes = f"local_HNL_database.xlsx sheet {sheet} id {ident}"
        for key in ("description", "year", "type"):
            if get(row, key):
                notes += f"; {key} {clean_value(get(row, key))}"
        common = {"experiment": re.sub(r"[^A-Za-z0-9_.+-]", "_", ident), "x_unit": unit, "y_quantity": y_quantity,
                  "cl_percent": f"{cl:g}", "benchmark": benchmark, "reference": f"INSPIRE:{get(row, 'reference')}",
                  "assumptions": assumptions, "notes": notes}
        if not get(row, "reference"):
            del common["reference"]
        if top and bottom and top == bottom:
            entries.append((bottom, dict(common, kind="closed")))
        elif top and bottom:
            entries.append((bottom, dict(common, top_file=top)))
            entries.append((top, dict(common, top_of=bottom)))
        else:
            entries.append((bottom or top, dict(common, kind="upper_bound")))
    return entries


def write_table(path, sheet, source, entries):
    keys = ["experiment", "x_unit", "y_quantity", "y_unit", "cl_percent", "kind", "benchmark", "reference",
            "assumptions", "top_file", "top_of", "notes"]
    with open(path, "w") as f:
        f.write("# fipbounds-units-table 1\n")
        f.write(f"# Heavy-Neutrino-Limits (github.com/mhostert/Heavy-Neutrino-Limits, MIT), sheet {sheet} of {source};\n")
        f.write("# written by tools/hnl_units_table.py (docs/limits-format.md, 'Units tables')\n")
        seen = set()
        for rel, e in entries:
            if rel in seen:
                continue
            seen.add(rel)
            f.write(f"\n[{rel}]\n")
            for k in keys:
                if k in e and e[k] != "":
                    f.write(f"{k} = {e[k]}\n")


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: hnl_units_table.py local_HNL_database.xlsx OUTDIR\n")
        return 2
    xlsx, outdir = argv[1], argv[2]
    sheets = read_sheets(xlsx)
    os.makedirs(outdir, exist_ok=True)
    n_warn = [0]

    def warn(msg):
        n_warn[0] += 1
        sys.stderr.write(f"hnl_units_table: {msg}\n")

    for sheet in SHEETS:
        if sheet not in sheets:
            warn(f"sheet {sheet} not in {xlsx}")
            continue
        entries = entries_from_sheet(sheet, sheets[sheet], warn)
        out = os.path.join(outdir, f"hnl_{sheet}.units")
        write_table(out, sheet, os.path.basename(xlsx), entries)
        print(f"{out}: {len({rel for rel, _ in entries})} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
