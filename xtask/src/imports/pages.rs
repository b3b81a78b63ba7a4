//! Pages that import another page.

use std::collections::BTreeSet;

use super::{code_only, module_of, paths_after, without_tests, Source};

/// One page importing another.
#[derive(Debug, PartialEq)]
pub struct PageImport {
    pub file: String,
    pub line: usize,
    pub page: String,
    pub other: String,
    /// The path as written, e.g. `crate::pages::project::…`.
    pub path: String,
}

/// Pages that import other pages, from the files of `src/pages/` (relative to it).
pub fn page_imports(files: &[Source]) -> Vec<PageImport> {
    let pages: BTreeSet<String> = files
        .iter()
        .filter_map(|(f, _)| module_of(f).first().cloned())
        .collect();
    let mut out = Vec::new();
    for (file, src) in files {
        let module = module_of(file);
        let Some(page) = module.first() else {
            continue; // mod.rs, the registry
        };
        let code = without_tests(&code_only(src));
        let mut found: Vec<(usize, String, String)> = paths_after(&code, "crate")
            .into_iter()
            .filter(|p| p.segments.len() >= 2 && p.segments[0] == "pages")
            .map(|p| {
                let shown = format!("crate::{}", p.segments.join("::"));
                (p.line, p.segments[1].clone(), shown)
            })
            .collect();
        // `super::` is `crate::pages::` in a file directly under src/pages/.
        if module.len() == 1 {
            found.extend(paths_after(&code, "super").into_iter().map(|p| {
                let shown = format!("super::{}", p.segments.join("::"));
                (p.line, p.segments[0].clone(), shown)
            }));
        }
        found.sort();
        for (line, other, path) in found {
            if other != *page && pages.contains(&other) {
                out.push(PageImport {
                    file: file.clone(),
                    line,
                    page: page.clone(),
                    other,
                    path,
                });
            }
        }
    }
    out
}
