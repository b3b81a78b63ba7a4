"""Copy, unchanged, the source rows Bridges needs (run once by hand; stdlib only).

    python extract_source_rows.py <folder with the 13 release zips>

Keeps the projects listed in ssc_projects.csv (the reference derivation, build_ssc_subset.py) and, in addition,
those whose donor list names one of ADDED (Southern countries Bridges maps and the reference does not; a country
named in its own release is domestic funding and does not count). For them it writes every row of each release
zip's data/projects.csv, data/transactions.csv and data/locations.csv, every column as the source has it, with
the release name as a first column (a column a release lacks, e.g. ad_purpose_codes, is left empty):
  source_projects.csv  source_transactions.csv  source_locations.csv
Which of these rows are Southern-provider projects is decided by `cargo xtask prepare-data` (xtask/src/aims/).
"""
import csv, glob, io, os, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ADDED = {"Azerbaijan": "AZE", "Bolivia": "BOL", "Costa Rica": "CRI", "Ecuador": "ECU", "Guatemala": "GTM",
         "Honduras": "HND", "Madagascar": "MDG", "Nigeria": "NGA", "Uruguay": "URY"}
OWN = {"HondurasAIMS": "Honduras", "NigeriaAIMS": "Nigeria"}

reference = {(r["release"], r["project_id"]) for r in csv.DictReader(open(os.path.join(HERE, "ssc_projects.csv"), encoding="utf-8"))}

def read(zf, release, name):
    return list(csv.DictReader(io.StringIO(zf.read(f"{release}/data/{name}.csv").decode("utf-8"), newline="")))

keep = set(reference)
tables = {"projects": ([], []), "transactions": ([], []), "locations": ([], [])}
for z in sorted(glob.glob(os.path.join(sys.argv[1], "*.zip"))):
    release = os.path.basename(z)[:-4]
    own = OWN.get(release.split("_")[0])
    with zipfile.ZipFile(z) as zf:
        for r in read(zf, release, "projects"):
            names = {d.strip() for d in r["donors"].split("|")}
            if any(n in ADDED and n != own for n in names):
                keep.add((release, r["project_id"]))
        for name, (header, out) in tables.items():
            rows = read(zf, release, name)
            header += [c for c in (rows[0].keys() if rows else []) if c not in header]
            out += [dict(r, release=release) for r in rows if (release, r["project_id"]) in keep]
for name, (header, out) in tables.items():
    with open(os.path.join(HERE, f"source_{name}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["release"] + header, restval="", lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(name, len(out))
print("projects beyond the reference:", sorted(keep - reference))
