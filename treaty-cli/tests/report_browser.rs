//! The HTML edition in a real browser: `treaty report` writes the site, headless Chromium (the
//! Debian package `chromium`) opens it from disk, and the DOM it builds is checked: every
//! article on the index, every cell of the heat map (each with text, not colour alone), every
//! internal link and anchor. Screenshots of the heat map (desktop and phone widths), the index
//! and a power page are saved in `target/report-screenshots/` for a person to look at.
//!
//! Without Chromium the test fails: `tests/run.sh` installs it before running the suite, so a
//! missing browser is a broken set-up, never a skip.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tmp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "treaty-report-browser-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// `target/` of this build: the test binary is `target/<profile>/deps/<name>`.
fn target_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(d);
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.ancestors()
        .nth(3)
        .map_or_else(|| root().join("target"), Path::to_path_buf)
}

/// The Chromium binary: `$CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(c) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(c));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

/// Runs headless Chromium with a fresh profile and `extra` arguments; returns its stdout.
fn run_chromium(chromium: &Path, extra: &[String]) -> String {
    let profile = tmp_dir("profile");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s: {extra:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().expect("stdout reader");
    let _ = std::fs::remove_dir_all(&profile);
    assert!(status.success(), "chromium failed ({status}): {extra:?}");
    out
}

fn url(site: &Path, page: &str) -> String {
    format!("file://{}", site.join(page).display())
}

fn dump_dom(chromium: &Path, site: &Path, page: &str) -> String {
    let dom = run_chromium(chromium, &["--dump-dom".to_owned(), url(site, page)]);
    assert!(dom.contains("</html>"), "no DOM for {page}: {dom:.200}");
    dom
}

fn screenshot(chromium: &Path, site: &Path, page: &str, size: &str, png: &Path) {
    run_chromium(
        chromium,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={size}"),
            url(site, page),
        ],
    );
    let bytes = std::fs::read(png).expect("the screenshot was written");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{} is not a real screenshot ({} bytes)",
        png.display(),
        bytes.len()
    );
}

/// The values of an attribute in an HTML text, in order.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push(rest[..end].replace("&amp;", "&"));
        rest = &rest[end..];
    }
    out
}

/// The inner HTML of each element whose opening tag starts with `open` (`<td class="cell`).
fn elements<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        rest = &rest[i..];
        let start = rest.find('>').map_or(rest.len(), |j| j + 1);
        let end = rest[start..].find(close).map_or(rest.len(), |j| start + j);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// The text of an HTML fragment, tags removed.
fn text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Every `href` of `html` (the page `from`) that stays on the site resolves to a page of the
/// site and, with a fragment, to an element with that id there.
fn check_links(from: &str, html: &str, ids: &HashMap<String, HashSet<String>>) -> usize {
    let mut checked = 0;
    for href in attributes(html, "href") {
        if href.starts_with("http://") || href.starts_with("https://") {
            continue;
        }
        assert!(
            !href.contains("://") && !href.starts_with('/') && !href.starts_with("//"),
            "{from}: `{href}` is not a relative link"
        );
        let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
        let file = if file.is_empty() { from } else { file };
        let Some(page_ids) = ids.get(file) else {
            panic!("{from}: `{href}` points to `{file}`, which the site does not have");
        };
        assert!(
            fragment.is_empty() || page_ids.contains(fragment),
            "{from}: `{href}`: `{file}` has no element with id `{fragment}`"
        );
        checked += 1;
    }
    checked
}

#[test]
fn the_html_edition_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        panic!(
            "chromium is not installed: run the suite with tests/run.sh (it installs it), \
             `apt-get install -y chromium` (Debian), or set CHROMIUM to its binary"
        );
    };
    let dataset = treaty_model::validate::load(&[root().join("datasets")])
        .expect("the repository's datasets are valid");
    let site = tmp_dir("site").join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .current_dir(root())
        .args(["report", "--out"])
        .arg(&site)
        .output()
        .expect("treaty runs");
    assert!(
        out.status.success(),
        "treaty report failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Every page: no resource from anywhere, and its ids for the link check.
    let mut pages: HashMap<String, String> = HashMap::new();
    for entry in std::fs::read_dir(&site).expect("the site directory") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Beside the pages: the published edition's data (bundle, tables, schemas) and the
        // marker that lets a later run write here again.
        if [".treaty-output", "treaty-bundle.json", "tables", "schemas"].contains(&name.as_str()) {
            continue;
        }
        assert!(name.ends_with(".html"), "unexpected file {name}");
        let html = std::fs::read_to_string(&path).expect("a page");
        for banned in [
            "<script", "<link", "<img", "<iframe", " src=", "@import", "url(",
        ] {
            assert!(
                !html.contains(banned),
                "{name} loads a resource: `{banned}`"
            );
        }
        pages.insert(name, html);
    }
    let ids: HashMap<String, HashSet<String>> = pages
        .iter()
        .map(|(name, html)| (name.clone(), attributes(html, "id").into_iter().collect()))
        .collect();
    let mut links = 0;
    for (name, html) in &pages {
        links += check_links(name, html, &ids);
    }
    assert!(links > 1000, "only {links} internal links checked");

    // The index, as Chromium builds it: one link per article of the final text.
    let articles: usize = dataset
        .bundle()
        .chapters
        .iter()
        .filter(|c| c.text_version.as_str() == "final")
        .map(|c| c.articles.len())
        .sum();
    assert_eq!(articles, 68, "the final text has 68 articles");
    let index = dump_dom(&chromium, &site, "index.html");
    let article_links = attributes(&index, "class")
        .iter()
        .filter(|c| *c == "article-link")
        .count();
    assert_eq!(article_links, 68, "article links on the index");
    check_links("index.html", &index, &ids);

    // The heat map: one cell per power and safeguard, each with text.
    let powers = dataset.powers().count();
    let safeguards = dataset.safeguards().count();
    let coverage = dump_dom(&chromium, &site, "coverage.html");
    let cells = elements(&coverage, "<td class=\"cell ", "</td>");
    assert_eq!(cells.len(), powers * safeguards, "matrix cells");
    for cell in &cells {
        let t = text(cell);
        assert!(
            ["M", "D", "A", "n/a", "?"].contains(&t.as_str()),
            "a cell without its text: {cell}"
        );
        assert!(
            cell.contains("aria-label=\""),
            "a cell without a label: {cell}"
        );
    }
    let legend = elements(&coverage, "<ul class=\"legend\"", "</ul>");
    assert_eq!(legend.len(), 1, "one legend");
    assert!(text(legend[0]).contains("mandatory") && text(legend[0]).contains("not recorded"));
    check_links("coverage.html", &coverage, &ids);

    // An article, a power and an analysis page, as built by the browser.
    for page in [
        "art_28.html",
        "power-compelled-technical-assistance.html",
        "analysis-eff-2024-07-electronic-data.html",
    ] {
        let dom = dump_dom(&chromium, &site, page);
        assert!(dom.contains("href=\"#main\""), "{page}: no skip link");
        check_links(page, &dom, &ids);
    }
    let art28 = dump_dom(&chromium, &site, "art_28.html");
    for id in [
        "art_28",
        "art_28__para_4",
        "powers",
        "numbering",
        "analyses",
    ] {
        assert!(
            art28.contains(&format!("id=\"{id}\"")),
            "art_28.html: no #{id}"
        );
    }

    // Screenshots for a person to look at (not committed).
    let shots = target_dir().join("report-screenshots");
    std::fs::create_dir_all(&shots).expect("the screenshot directory");
    screenshot(
        &chromium,
        &site,
        "coverage.html",
        "1280,2000",
        &shots.join("coverage.png"),
    );
    screenshot(
        &chromium,
        &site,
        "coverage.html",
        "390,844",
        &shots.join("coverage-phone.png"),
    );
    screenshot(
        &chromium,
        &site,
        "index.html",
        "1280,2000",
        &shots.join("index.png"),
    );
    screenshot(
        &chromium,
        &site,
        "art_28.html",
        "390,844",
        &shots.join("article-phone.png"),
    );
    screenshot(
        &chromium,
        &site,
        "power-compelled-technical-assistance.html",
        "1280,2000",
        &shots.join("power.png"),
    );
    eprintln!(
        "{} pages, {links} internal links resolved, {article_links} article links, {} cells; \
         screenshots in {}",
        pages.len(),
        cells.len(),
        shots.display()
    );
    let _ = std::fs::remove_dir_all(site.parent().unwrap_or(&site));
}
