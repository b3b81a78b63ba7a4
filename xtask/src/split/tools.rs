//! The tools the split build runs: wasm-bindgen, and wasm-opt with a cache of its results.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{anyhow, bail, Context, Result};
use sha2::{Digest, Sha256};

use super::{at, copy};

/// wasm-bindgen (the version in Cargo.lock, as Trunk.toml pins it) and wasm-opt (npm's binaryen, which
/// scripts/setup installs in .tools/; Debian's corrupts the output).
pub(super) struct Tools {
    pub(super) wasm_bindgen: PathBuf,
    wasm_opt: PathBuf,
    /// `wasm-opt --version`, part of each cached result's key.
    wasm_opt_version: String,
    /// wasm-opt's results by input: see [`Tools::optimize`].
    cache: PathBuf,
}

impl Tools {
    pub(super) fn find(root: &Path, target_dir: &Path) -> Result<Tools> {
        let local_opt = root.join(".tools/node_modules/.bin/wasm-opt");
        let wasm_opt = if local_opt.exists() {
            local_opt
        } else {
            PathBuf::from("wasm-opt")
        };
        // Trunk.toml pins version_132 for Trunk's own wasm-opt; this hook checks the same, since Debian's
        // binaryen 108 writes a wasm that fails to start ("WebAssembly.Table.set(): Argument 1 is invalid").
        let version = Command::new(&wasm_opt)
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .context("wasm-opt 132 is needed (scripts/setup installs it in .tools)")?;
        if !version.contains("version 132") {
            bail!(
                "wasm-opt 132 is needed (scripts/setup installs it in .tools), found {}",
                version.trim()
            );
        }
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
            wasm_opt,
            wasm_opt_version: version.trim().to_string(),
            cache: target_dir.join("wasm-opt-cache"),
        })
    }

    /// wasm-opt -Oz (as Trunk runs it for `data-wasm-opt="z"`) from `from` to `to`, or its earlier result
    /// for the same input, flags and wasm-opt version. The npm wasm-opt is binaryen compiled to wasm and
    /// spends about a second starting up, so the ~350 modules cost minutes per build; a second build of
    /// the same code (the `/atlas/` build, a rebuild after a change to a few pages) reuses what is
    /// unchanged. wasm-opt is deterministic, so a cached result is the file it would write.
    fn optimize(&self, from: &Path, to: &Path) -> Result<()> {
        let mut flags = vec!["-Oz"];
        // BRIDGES_WASM_NAMES=1 keeps the function names, for reading a CPU profile; never in dist.
        if std::env::var_os("BRIDGES_WASM_NAMES").is_some() {
            flags.push("-g");
        }
        let input = std::fs::read(from).with_context(|| at(from))?;
        let mut key = Sha256::new();
        key.update(self.wasm_opt_version.as_bytes());
        key.update([0]);
        key.update(flags.join(" ").as_bytes());
        key.update([0]);
        key.update(&input);
        let key: String = key.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let cached = self.cache.join(format!("{key}.wasm"));
        if cached.exists() {
            // Touched, so that pruning keeps what builds still use.
            let _ = std::fs::File::options()
                .append(true)
                .open(&cached)
                .and_then(|f| f.set_modified(std::time::SystemTime::now()));
            return copy(&cached, to);
        }
        run(Command::new(&self.wasm_opt)
            .arg(format!("--output={}", to.display()))
            .args(&flags)
            .arg(from))?;
        std::fs::create_dir_all(&self.cache).with_context(|| at(&self.cache))?;
        // Written whole under another name first: a build killed halfway leaves no half file under the key.
        let partial = self.cache.join(format!("{key}.partial"));
        copy(to, &partial)?;
        std::fs::rename(&partial, &cached).with_context(|| at(&cached))
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

/// Optimizes (release) or copies each `(from, to)`, on as many threads as the machine has cores: each
/// wasm-opt is a process, most of it start-up, so two side by side take about the time of one.
pub(super) fn optimize_all(
    jobs: &[(PathBuf, PathBuf)],
    release: bool,
    tools: &Tools,
) -> Result<()> {
    if !release {
        return jobs.iter().try_for_each(|(from, to)| copy(from, to));
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result<()> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((from, to)) = jobs.get(i) else {
                            return Ok(());
                        };
                        tools.optimize(from, to)?;
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .map_err(|_| anyhow!("a wasm-opt thread panicked"))?
        })
    })
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
    #[cfg(unix)]
    fn counting_tools(dir: &Path) -> Tools {
        use std::os::unix::fs::PermissionsExt;
        let script = dir.join("wasm-opt");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\necho run >> {runs}\nout=${{1#--output=}}\nrev < \"$3\" > \"$out\"\n",
                runs = dir.join("runs").display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        Tools {
            wasm_bindgen: PathBuf::from("wasm-bindgen"),
            wasm_opt: script,
            wasm_opt_version: "wasm-opt version 132".into(),
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
            wasm_opt_version: "wasm-opt version 133".into(),
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
