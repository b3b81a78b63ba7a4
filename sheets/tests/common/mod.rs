//! Shared by the test files: the repository's reference tables and files.
#![allow(dead_code)]

use std::path::PathBuf;

use bridges_core::reference::parse_reference;
use bridges_core::{parse_dataset, Loaded, ReferenceIndex};
use bridges_sheets::{
    propose, Countries, Imported, Mapping, Proposal, ReadOptions, Sheet, SheetReader,
};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn reference() -> ReferenceIndex {
    let text = String::from_utf8(bytes("public/data/reference.json")).expect("UTF-8");
    parse_reference("data/reference.json", &text).expect("reference parses")
}

pub struct Env {
    pub r: ReferenceIndex,
    pub countries: Countries,
}

pub fn env() -> Env {
    let r = reference();
    let countries = Countries::new(&r);
    Env { r, countries }
}

pub fn sheet(name: &str, bytes: Vec<u8>) -> Sheet {
    SheetReader::open(name, bytes, &ReadOptions::default())
        .expect("opens")
        .finish()
        .expect("reads")
}

impl Env {
    pub fn propose(&self, s: &Sheet) -> Proposal {
        propose(s, &self.countries, &self.r)
    }

    pub fn import(&self, s: &Sheet, m: &Mapping) -> (Imported, Loaded) {
        let out =
            bridges_sheets::apply(s, m, &self.countries, &self.r, "test").expect("mapping fits");
        let loaded =
            parse_dataset("imported.json", &out.json, &self.r).expect("core parses the output");
        (out, loaded)
    }
}
