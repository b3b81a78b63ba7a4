//! Import cycles between the top-level modules of `core/src`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{code_only, paths_after, use_paths, without_tests, Source};

/// The module path of a file relative to `src/`: `lib.rs` → [], `a.rs` → [a], `a/mod.rs` → [a],
/// `a/b.rs` → [a, b].
pub(super) fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// An import cycle: the modules in it, one shortest cycle through the first, and the edges between its
/// modules with where each is first seen.
#[derive(Debug, PartialEq)]
pub struct Cycle {
    pub modules: Vec<String>,
    pub path: Vec<String>,
    /// (from, to, file, line).
    pub edges: Vec<(String, String, String, usize)>,
}

impl Cycle {
    /// A multi-line report, file paths prefixed with `dir`.
    pub fn report(&self, dir: &str) -> String {
        let mut s = format!(
            "{}: import cycle between {}: {}",
            dir.trim_end_matches('/'),
            self.modules.join(", "),
            self.path.join(" -> ")
        );
        for (from, to, file, line) in &self.edges {
            s.push_str(&format!("\n  {from} -> {to} ({dir}{file}:{line})"));
        }
        s
    }
}

/// The import cycles between the top-level modules of a crate, from its files (relative to `src/`).
pub fn core_cycles(files: &[Source]) -> Vec<Cycle> {
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(f, _)| module_of(f).first().cloned())
        .collect();
    // Names lib.rs re-exports (`pub use issue::{DataIssue, …}`) lead to their module.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for (file, src) in files {
        if module_of(file).is_empty() {
            for p in use_paths(&code_only(src)) {
                if let [module, .., name] = p.segments.as_slice() {
                    if modules.contains(module) {
                        reexports.insert(name.clone(), module.clone());
                    }
                }
            }
        }
    }
    let mut edges: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    for (file, src) in files {
        let Some(from) = module_of(file).first().cloned() else {
            continue;
        };
        for p in paths_after(&without_tests(&code_only(src)), "crate") {
            let first = &p.segments[0];
            let to = if modules.contains(first) {
                first
            } else if let Some(m) = reexports.get(first) {
                m
            } else {
                continue;
            };
            if *to != from {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert((file.clone(), p.line));
            }
        }
    }
    let graph: BTreeMap<&str, Vec<&str>> = modules
        .iter()
        .map(|m| {
            let next = edges
                .keys()
                .filter(|(a, _)| a == m)
                .map(|(_, b)| b.as_str())
                .collect();
            (m.as_str(), next)
        })
        .collect();
    strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|members| {
            let inside = |m: &str| members.iter().any(|x| x == m);
            Cycle {
                path: shortest_cycle(&graph, &members[0], &inside),
                edges: edges
                    .iter()
                    .filter(|((a, b), _)| inside(a) && inside(b))
                    .map(|((a, b), (f, l))| (a.clone(), b.clone(), f.clone(), *l))
                    .collect(),
                modules: members,
            }
        })
        .collect()
}

/// Tarjan's strongly connected components, each sorted, in the order of their smallest member.
fn strongly_connected(graph: &BTreeMap<&str, Vec<&str>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for &w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for &v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}

/// A shortest cycle from `start` back to it through modules `inside` allows: `[start, …, start]`.
fn shortest_cycle(
    graph: &BTreeMap<&str, Vec<&str>>,
    start: &str,
    inside: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in graph.get(v).into_iter().flatten() {
            if w == start {
                let mut path = vec![start.to_string(), v.to_string()];
                let mut at = v;
                while at != start {
                    at = came_from[at];
                    path.push(at.to_string());
                }
                path.reverse();
                return path;
            }
            if inside(w) && !came_from.contains_key(w) && w != start {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    vec![start.to_string()]
}
