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

Older files of the collection that the spreadsheet does not list take their units from the
collection's earlier per-file lists (LEGACY below: Nlimits/ue4.py, Nlimits/constraint_dict.py and
Nlimits/utau4.py of github.com/mhostert/Heavy-Neutrino-Limits at commit 4ad99af), marked so in the
notes; those lists also show that headers cannot be trusted (ue4/De2_bryman_shrock.dat says GeV,
the list says MeV, and its 188-851 range is MeV). Files in neither (ue4/NA3_top.dat and
ue4/NA3_bottom.dat, whose headers say Umu4^2; the kev_bounds files, whose U^2 is in percent) are not
in the tables: import them with explicit --x-unit/--y-quantity/--cl or a sidecar if you know them.

usage: hnl_units_table.py [--bundle] local_HNL_database.xlsx OUTDIR
writes OUTDIR/hnl_Ue4.units, OUTDIR/hnl_Umu4.units, OUTDIR/hnl_Utau4.units

--bundle (tools/bundle-limits.sh): only the spreadsheet's own rows, each with the INSPIRE key of its
paper (not the LEGACY files, which name none), and no row of type C (cosmology: the BBN region of
Sabti et al., which the project computes itself, bc6/7/8_bbn, instead of drawing as a search).
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


def entries_from_sheet(sheet, rows, warn, skip_types=()):
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
        if get(row, "type") in skip_types:
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


# Files of the earlier Nlimits lists (commit 4ad99af) that the spreadsheet does not list, with the
# unit those lists give them: (path, unit, upper-edge file or None, decay). CL 90 as in those lists.
# Left out: files whose experiment the spreadsheet covers with another file (NuTeV.dat, NA62_2021.dat,
# T2K_2019.dat, peak_searches/E949.dat, KEK_K_nu_mu.dat: duplicates), and files absent from them.
LEGACY = {
    "Ue4": [("ue4/PIENU.dat", "MeV", None, "any"), ("ue4/KEK.dat", "MeV", None, "any"),
            ("ue4/Fermi2_F.dat", "MeV", None, "any"), ("ue4/PIENU-H_bryman_shrock.dat", "MeV", None, "any"),
            ("ue4/De2_bryman_shrock.dat", "MeV", None, "any"), ("ue4/PIENU_Bolton.dat", "GeV", None, ""),
            ("ue4/EWPD_Bolton.dat", "GeV", None, ""), ("ue4/DELPHI_1997.dat", "GeV", None, "visible"),
            ("ue4/SuperK_2019.dat", "GeV", None, "visible")],
    "Umu4": [("umu4/BEBC.dat", "GeV", "umu4/BEBC_top.dat", "visible"), ("umu4/DELPHI_1997.dat", "GeV", None, "visible"),
             ("umu4/K_to_numu.dat", "GeV", None, "any"), ("umu4/L3.dat", "GeV", None, "visible"),
             ("umu4/PS191_bottom.dat", "GeV", "umu4/PS191_top.dat", "visible"),
             ("umu4/SuperK_2019.dat", "GeV", None, "visible"), ("umu4/SIN_1987.dat", "MeV", None, "visible")],
    "Utau4": [("utau4/NOMAD_UL_90CL_2002.dat", "MeV", None, "visible"),
              ("utau4/T2K_UL_90CL_2019.dat", "MeV", None, "visible"), ("utau4/EWPD_Bolton.dat", "GeV", None, ""),
              ("utau4/Bdecays_Bolton.dat", "GeV", None, ""), ("utau4/l_universality_Bolton.dat", "GeV", None, "")],
}


def legacy_entries(sheet, listed):
    y_quantity, benchmark, _ = SHEETS[sheet]
    out = []
    for rel, unit, top, decay in LEGACY[sheet]:
        if rel in listed or (top and top in listed):
            continue
        name = re.sub(r"[^A-Za-z0-9_.+-]", "_", rel[:-4].replace("/", "_"))
        e = {"experiment": name, "x_unit": unit, "y_quantity": y_quantity, "cl_percent": "90", "benchmark": benchmark,
             "assumptions": "dark_matter=none" + (f"; decay={decay}" if decay else ""),
             "notes": "not in local_HNL_database.xlsx: unit from the collection's earlier Nlimits lists (commit "
                      "4ad99af); CL 90 as there"}
        if top:
            out.append((rel, dict(e, top_file=top)))
            out.append((top, dict(e, top_of=rel)))
        else:
            out.append((rel, dict(e, kind="upper_bound")))
    return out


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
    bundle = "--bundle" in argv[1:]
    argv = [a for a in argv if a != "--bundle"]
    if len(argv) != 3:
        sys.stderr.write("usage: hnl_units_table.py [--bundle] local_HNL_database.xlsx OUTDIR\n")
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
        entries = entries_from_sheet(sheet, sheets[sheet], warn, ("C",) if bundle else ())
        if not bundle:
            entries += legacy_entries(sheet, {rel for rel, _ in entries})
        out = os.path.join(outdir, f"hnl_{sheet}.units")
        write_table(out, sheet, os.path.basename(xlsx), entries)
        print(f"{out}: {len({rel for rel, _ in entries})} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
