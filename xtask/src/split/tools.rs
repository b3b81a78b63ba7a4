//! The tools the split build runs: wasm-bindgen, and wasm-opt in batches with a cache of its results.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use super::{at, copy};

/// wasm-bindgen (the version in Cargo.lock, as Trunk.toml pins it) and wasm-opt: npm's binaryen 132, which
/// scripts/setup installs in .tools/ (Debian's 108 corrupts the output), driven through its JS API by
/// `wasm_opt_batch.mjs`, one process for many modules.
pub(super) struct Tools {
    pub(super) wasm_bindgen: PathBuf,
    /// The command that reads "<from>\t<to>" lines on its standard input and writes each `to` as
    /// `wasm-opt -Oz from` would (`node wasm_opt_batch.mjs <binaryen>`); the flags are appended.
    batch: Vec<OsString>,
    /// binaryen's version, part of each cached result's key.
    wasm_opt_version: String,
    /// wasm-opt's results by input: see [`optimize_all`].
    cache: PathBuf,
}

impl Tools {
    pub(super) fn find(root: &Path, target_dir: &Path) -> Result<Tools> {
        let binaryen = root.join(".tools/node_modules/binaryen");
        let manifest = binaryen.join("package.json");
        // Trunk.toml pins version_132 for Trunk's own wasm-opt; this hook checks the same, since Debian's
        // binaryen 108 writes a wasm that fails to start ("WebAssembly.Table.set(): Argument 1 is invalid").
        let version = std::fs::read_to_string(&manifest)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|json| json["version"].as_str().map(str::to_string))
            .with_context(|| {
                format!(
                    "{} unreadable: binaryen 132 is needed (scripts/setup installs it in .tools)",
                    manifest.display()
                )
            })?;
        if !version.starts_with("132.") {
            bail!("binaryen 132 is needed (scripts/setup installs it in .tools), found {version}");
        }
        let batch = vec![
            OsString::from("node"),
            root.join("xtask/src/split/wasm_opt_batch.mjs").into(),
            binaryen.join("index.js").into(),
        ];
        let wasm_bindgen = PathBuf::from("wasm-bindgen");
        let lock = std::fs::read_to_string(root.join("Cargo.lock")).with_context(|| at(root))?;
        let want = lock
            .split("[[package]]")
            .find(|p| p.contains("\nname = \"wasm-bindgen\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"').to_string())
            .context("no wasm-bindgen in Cargo.lock")?;
        let out = Command::new(&wasm_bindgen)
            .arg("--version")
            .output()
            .with_context(|| {
                format!("wasm-bindgen {want} is needed (scripts/setup installs it)")
            })?;
        let have = String::from_utf8_lossy(&out.stdout);
        if have.split_whitespace().nth(1) != Some(want.as_str()) {
            bail!(
                "wasm-bindgen {want} is needed (Cargo.lock), found {}",
                have.trim()
            );
        }
        Ok(Tools {
            wasm_bindgen,
            batch,
            wasm_opt_version: format!("binaryen {version}"),
            cache: target_dir.join("wasm-opt-cache"),
        })
    }

    /// Removes the cached results no build has used for a week.
    pub(super) fn prune_cache(&self) {
        let week = std::time::Duration::from_secs(7 * 24 * 3600);
        let Ok(entries) = std::fs::read_dir(&self.cache) else {
            return;
        };
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > week);
            if old {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// wasm-opt -Oz (as Trunk runs it for `data-wasm-opt="z"`) on each `(from, to)` of a release build, or a copy
/// in a debug build.
///
/// A result is reused from the cache when the input, the flags and binaryen's version are the same
/// (binaryen is deterministic, so a cached result is the file it would write): the `/atlas/` build of the
/// same code, or a rebuild after a change to a few pages, optimizes only what changed. The rest go to
/// one batch process per core, the largest modules first so that the batches end together.
pub(super) fn optimize_all(
    jobs: &[(PathBuf, PathBuf)],
    release: bool,
    tools: &Tools,
) -> Result<()> {
    if !release {
        return jobs.iter().try_for_each(|(from, to)| copy(from, to));
    }
    let mut flags = vec!["-Oz"];
    // BRIDGES_WASM_NAMES=1 keeps the function names, for reading a CPU profile; never in dist.
    if std::env::var_os("BRIDGES_WASM_NAMES").is_some() {
        flags.push("-g");
    }
    let mut todo = Vec::new();
    for (from, to) in jobs {
        let input = std::fs::read(from).with_context(|| at(from))?;
        let mut key = Sha256::new();
        key.update(tools.wasm_opt_version.as_bytes());
        key.update([0]);
        key.update(flags.join(" ").as_bytes());
        key.update([0]);
        key.update(&input);
        let key: String = key.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let cached = tools.cache.join(format!("{key}.wasm"));
        if cached.exists() {
            // Touched, so that pruning keeps what builds still use.
            let _ = std::fs::File::options()
                .append(true)
                .open(&cached)
                .and_then(|f| f.set_modified(std::time::SystemTime::now()));
            copy(&cached, to)?;
        } else {
            todo.push((input.len(), from, to, cached));
        }
    }
    for (_, from, to, _) in &todo {
        for path in [from, to] {
            let text = path.to_string_lossy();
            if text.contains(['\t', '\n']) {
                bail!("{text}: a path with a tab or a line break cannot go to the wasm-opt batch");
            }
        }
    }
    // Largest first, each to the batch with the fewest bytes so far.
    todo.sort_by_key(|job| std::cmp::Reverse(job.0));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut batches: Vec<(usize, String)> = vec![(0, String::new()); threads.min(todo.len())];
    for (len, from, to, _) in &todo {
        if let Some(batch) = batches.iter_mut().min_by_key(|b| b.0) {
            batch.0 += len;
            batch.1 += &format!("{}\t{}\n", from.display(), to.display());
        }
    }
    let children = batches
        .into_iter()
        .map(|(_, lines)| -> Result<_> {
            let shown = format!("{:?} {}", tools.batch, flags.join(" "));
            let mut child = Command::new(&tools.batch[0])
                .args(&tools.batch[1..])
                .args(&flags)
                .stdin(Stdio::piped())
                .spawn()
                .with_context(|| format!("{shown} (node is needed)"))?;
            child
                .stdin
                .take()
                .context("the batch's standard input")?
                .write_all(lines.as_bytes())
                .with_context(|| shown.clone())?;
            Ok((child, shown))
        })
        .collect::<Result<Vec<_>>>()?;
    for (mut child, shown) in children {
        let status = child.wait().with_context(|| shown.clone())?;
        if !status.success() {
            bail!("{shown}: {status}");
        }
    }
    std::fs::create_dir_all(&tools.cache).with_context(|| at(&tools.cache))?;
    for (_, _, to, cached) in &todo {
        // Written whole under another name first: a build killed halfway leaves no half file under the key.
        let partial = cached.with_extension("partial");
        copy(to, &partial)?;
        std::fs::rename(&partial, cached).with_context(|| at(cached))?;
    }
    Ok(())
}

pub(super) fn run(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().with_context(|| shown.clone())?;
    if !status.success() {
        bail!("{shown}: {status}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    /// A stand-in batch that counts the modules it is given and writes each input reversed.
    #[cfg(unix)]
    fn counting_tools(dir: &Path) -> Tools {
        use std::os::unix::fs::PermissionsExt;
        let script = dir.join("batch");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nwhile IFS=\"$(printf '\\t')\" read -r from to; do echo run >> {runs}; rev < \"$from\" > \"$to\"; done\n",
                runs = dir.join("runs").display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        Tools {
            wasm_bindgen: PathBuf::from("wasm-bindgen"),
            batch: vec![script.into()],
            wasm_opt_version: "binaryen 132.0.0".into(),
            cache: dir.join("cache"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn wasm_opt_runs_once_per_distinct_input() {
        let dir = std::env::temp_dir().join(format!("bridges-opt-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let tools = counting_tools(&dir);
        let runs = || {
            std::fs::read_to_string(dir.join("runs"))
                .unwrap_or_default()
                .lines()
                .count()
        };
        std::fs::write(dir.join("a.wasm"), "abc\n").unwrap();
        std::fs::write(dir.join("b.wasm"), "xyz\n").unwrap();
        let jobs = [
            (dir.join("a.wasm"), dir.join("a.out")),
            (dir.join("b.wasm"), dir.join("b.out")),
        ];
        optimize_all(&jobs, true, &tools).unwrap();
        assert_eq!(runs(), 2);
        assert_eq!(std::fs::read_to_string(dir.join("a.out")).unwrap(), "cba\n");

        // The same inputs again (the /atlas/ build): both from the cache, the same bytes.
        std::fs::remove_file(dir.join("a.out")).unwrap();
        optimize_all(&jobs, true, &tools).unwrap();
        assert_eq!(runs(), 2);
        assert_eq!(std::fs::read_to_string(dir.join("a.out")).unwrap(), "cba\n");

        // A changed input runs wasm-opt again; so does another wasm-opt version.
        std::fs::write(dir.join("a.wasm"), "abd\n").unwrap();
        optimize_all(&jobs, true, &tools).unwrap();
        assert_eq!(runs(), 3);
        assert_eq!(std::fs::read_to_string(dir.join("a.out")).unwrap(), "dba\n");
        let newer = Tools {
            wasm_opt_version: "binaryen 133.0.0".into(),
            ..counting_tools(&dir)
        };
        optimize_all(&jobs[1..], true, &newer).unwrap();
        assert_eq!(runs(), 4);

        // Debug builds copy.
        optimize_all(&jobs, false, &tools).unwrap();
        assert_eq!(runs(), 4);
        assert_eq!(std::fs::read_to_string(dir.join("a.out")).unwrap(), "abd\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
