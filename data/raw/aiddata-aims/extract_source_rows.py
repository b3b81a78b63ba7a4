"""Copy, unchanged, the source rows Bridges needs for the reference subset (run once by hand; stdlib only).

    python extract_source_rows.py <folder with the 13 release zips>

Reads each release zip's data/projects.csv and data/transactions.csv and writes the rows of the projects
listed in ssc_projects.csv (the reference derivation, build_ssc_subset.py), every column as the source has
it, with the release name as a first column (releases that lack a column, e.g. ad_purpose_codes, leave it empty):
  source_projects.csv      all columns of data/projects.csv (incl. start/end date types, donors)
  source_transactions.csv  all columns of data/transactions.csv (commitment/disbursement rows per year)
"""
import csv, glob, io, os, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
keep = {(r["release"], r["project_id"]) for r in csv.DictReader(open(os.path.join(HERE, "ssc_projects.csv"), encoding="utf-8"))}
for name in ("projects", "transactions"):
    out, header = [], []
    for z in sorted(glob.glob(os.path.join(sys.argv[1], "*.zip"))):
        release = os.path.basename(z)[:-4]
        with zipfile.ZipFile(z) as zf:
            text = zf.read(f"{release}/data/{name}.csv").decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        header += [c for c in rows[0].keys() if c not in header] if rows else []
        out += [dict(r, release=release) for r in rows if (release, r["project_id"]) in keep]
    with open(os.path.join(HERE, f"source_{name}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["release"] + header, restval="", lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(name, len(out))
