#!/usr/bin/env node
// Audit the built site the way a reader's phone meets it: serve the folder on 127.0.0.1 with gzip
// (as GitHub Pages does), cut every other origin off, and on each page run Lighthouse (mobile
// preset, simulated throttling) and axe-core. One line per page, a summary line, a JSON report;
// exits non-zero when any page is below the thresholds.
//
//   node tools/audit.mjs [SITE_DIR] [PAGE ...] [--json report.json] [--reports DIR] [--runs N] [--port P]
//
// SITE_DIR defaults to _build/html. PAGEs are paths inside it (default: index.html, intro.html, the pages of
// _toc.yml in its order, any other chapters/*.html and every figures/*.html). With --runs N, Lighthouse runs N times per page and the
// median performance score counts (the other categories do not vary between runs). With --reports,
// each page's full Lighthouse report (HTML and JSON, of the counted run) is written into DIR.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

// ---- thresholds -------------------------------------------------------------------------------
const MIN_PERFORMANCE = 90;
const MIN_ACCESSIBILITY = 100;
const MIN_BEST_PRACTICES = 100;
const MAX_AXE_VIOLATIONS = 0;
const MAX_KIB_WITHOUT_CHARTS = 300; // bytes transferred by a page that has no chart
const VEGA_SCRIPT = "vega-bundle.js"; // may load only on pages with a chart
const CHART_SELECTOR = ".nt-chart";

const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const HOST = "127.0.0.1";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // The network is otherwise cut off: no name but the local server resolves.
  `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${HOST}`,
];
const CATEGORIES = ["performance", "accessibility", "best-practices"];

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---- arguments --------------------------------------------------------------------------------
function parseArgs(argv) {
  const opts = { site: null, pages: [], json: null, reports: null, runs: 1, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--json" || a.startsWith("--json=")) opts.json = value();
    else if (a === "--reports" || a.startsWith("--reports=")) opts.reports = value();
    else if (a === "--runs" || a.startsWith("--runs=")) opts.runs = Math.max(1, parseInt(value(), 10));
    else if (a === "--port" || a.startsWith("--port=")) opts.port = parseInt(value(), 10);
    else if (a === "-h" || a === "--help") {
      console.log("usage: node tools/audit.mjs [SITE_DIR] [PAGE ...] [--json FILE] [--reports DIR] [--runs N] [--port P]");
      process.exit(0);
    } else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else if (opts.site === null) opts.site = a;
    else opts.pages.push(a);
  }
  opts.site = path.resolve(opts.site ?? path.join(ROOT, "_build", "html"));
  if (!fs.existsSync(path.join(opts.site, "intro.html")) && opts.pages.length === 0) {
    throw new Error(`${opts.site} has no intro.html: build the book first (make book)`);
  }
  if (opts.pages.length === 0) opts.pages = defaultPages(opts.site);
  for (const p of opts.pages) {
    if (!fs.existsSync(path.join(opts.site, p))) throw new Error(`no such page: ${p} in ${opts.site}`);
  }
  return opts;
}

function defaultPages(site) {
  // Every address a reader can land on: the root (a redirect page), the book's pages, and each figure's own page
  // (the one other sites embed).
  const pages = [];
  if (fs.existsSync(path.join(site, "index.html"))) pages.push("index.html");
  if (fs.existsSync(path.join(site, "intro.html"))) pages.push("intro.html");
  // The book's pages in the order of its table of contents (_toc.yml: the chapters, then the appendix's pages),
  // then any other built chapter page in name order.
  const toc = path.join(ROOT, "_toc.yml");
  const listed = fs.existsSync(toc)
    ? [...fs.readFileSync(toc, "utf8").matchAll(/^\s*-\s*file:\s*(\S+)\s*$/gm)].map((m) => `${m[1]}.html`)
    : [];
  for (const p of listed) if (fs.existsSync(path.join(site, p)) && !pages.includes(p)) pages.push(p);
  const chapters = path.join(site, "chapters");
  if (fs.existsSync(chapters)) {
    for (const f of fs.readdirSync(chapters).filter((f) => f.endsWith(".html")).sort()) {
      if (!pages.includes(`chapters/${f}`)) pages.push(`chapters/${f}`);
    }
  }
  const figures = path.join(site, "figures");
  if (fs.existsSync(figures)) {
    for (const f of fs.readdirSync(figures).filter((f) => f.endsWith(".html")).sort()) pages.push(`figures/${f}`);
  }
  return pages;
}

// ---- the server: static files, gzip like GitHub Pages ------------------------------------------
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ipynb": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".eot": "application/vnd.ms-fontobject",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".inv": "application/octet-stream",
  ".wasm": "application/wasm",
};
// GitHub Pages compresses text types; binary formats are sent as they are.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|vnd\.ms-fontobject)|image\/(svg\+xml|x-icon)|font\/(ttf|otf))/;

export function startServer(siteDir, port = 0) {
  const gzCache = new Map();
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    let file = path.join(siteDir, path.normalize(pathname));
    if (!file.startsWith(siteDir)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, "index.html");
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) {
      const notFound = path.join(siteDir, "404.html");
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "<!doctype html><title>404</title>");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    const headers = {
      "Content-Type": type,
      "Cache-Control": "max-age=600", // GitHub Pages' value
      "Last-Modified": stat.mtime.toUTCString(),
      "Access-Control-Allow-Origin": "*",
      Vary: "Accept-Encoding",
    };
    let body = fs.readFileSync(file);
    const wantsGzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    if (wantsGzip && COMPRESSIBLE.test(type) && body.length > 0) {
      const key = `${file}:${stat.mtimeMs}`;
      if (!gzCache.has(key)) gzCache.set(key, zlib.gzipSync(body, { level: 6 }));
      body = gzCache.get(key);
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

// ---- Lighthouse -------------------------------------------------------------------------------
function isLocal(url, origin) {
  return url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:");
}

// Lighthouse blocks by pattern only (no "everything but"), so: every https and websocket URL (the
// site is served over plain http), localhost, and each external host the site's files name; the
// --host-resolver-rules flag catches whatever is left.
function blockedPatterns(siteDir, port) {
  const hosts = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(html|css|js|mjs|json)$/.test(e.name)) {
        const text = fs.readFileSync(p, "utf8");
        for (const m of text.matchAll(/\b(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?/gi)) hosts.add(m[1].toLowerCase());
      }
    }
  };
  walk(siteDir);
  hosts.delete(HOST);
  const patterns = ["https://*", "wss://*", "ws://*", "http://localhost*"];
  for (const h of [...hosts].sort()) patterns.push(`http://${h}*`);
  return { patterns, allowFirst: `http://${HOST}:${port}/` };
}

const liveChromes = new Set();

async function runLighthouse(url, blocked, allowOrigin, attempt = 1) {
  try {
    return await runLighthouseOnce(url, blocked, allowOrigin);
  } catch (err) {
    if (attempt >= 2) throw err;
    console.error(`audit: Lighthouse on ${url} failed (${err.message}); trying once more`);
    return runLighthouse(url, blocked, allowOrigin, attempt + 1);
  }
}

async function runLighthouseOnce(url, blocked, allowOrigin) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: "silent",
  });
  liveChromes.add(chrome);
  try {
    const flags = {
      port: chrome.port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: CATEGORIES,
      formFactor: "mobile",
      throttlingMethod: "simulate",
      // No pattern may catch the site itself.
      blockedUrlPatterns: blocked.filter((p) => !allowOrigin.startsWith(p.replace(/\*$/, ""))),
    };
    const result = await lighthouse(url, flags); // default config = the mobile preset
    if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    return { lhr: result.lhr, html: Array.isArray(result.report) ? result.report[1] : null };
  } finally {
    liveChromes.delete(chrome);
    try {
      chrome.kill();
    } catch {
      /* already gone */
    }
  }
}

function score(lhr, id) {
  const s = lhr.categories[id]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
}

function summariseLighthouse(lhr, origin) {
  const audits = lhr.audits;
  const requests = audits["network-requests"]?.details?.items ?? [];
  const failing = [];
  for (const cat of CATEGORIES) {
    for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
      const a = audits[ref.id];
      if (!a || a.score === null || a.score >= 1) continue;
      if (["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
      // Metric savings audits with score < 1 but weight 0 still say something; keep them, marked.
      failing.push({
        category: cat,
        id: a.id,
        title: a.title,
        score: a.score,
        weight: ref.weight,
        displayValue: a.displayValue ?? null,
        items: (a.details?.items ?? []).slice(0, 8).map((it) => {
          const o = {};
          for (const k of ["url", "source", "description", "totalBytes", "wastedBytes", "wastedMs", "transferSize"]) {
            if (it[k] !== undefined) o[k] = typeof it[k] === "object" ? JSON.stringify(it[k]).slice(0, 200) : it[k];
          }
          if (it.node?.snippet) o.node = it.node.snippet.slice(0, 160);
          if (it.node?.selector) o.selector = it.node.selector;
          return o;
        }),
      });
    }
  }
  failing.sort((a, b) => (b.weight || 0) - (a.weight || 0) || a.score - b.score);
  const metric = (id) => ({ value: audits[id]?.numericValue ?? null, display: audits[id]?.displayValue ?? null, score: audits[id]?.score ?? null });
  return {
    scores: { performance: score(lhr, "performance"), accessibility: score(lhr, "accessibility"), "best-practices": score(lhr, "best-practices") },
    bytes: Math.round(audits["total-byte-weight"]?.numericValue ?? 0),
    metrics: {
      FCP: metric("first-contentful-paint"),
      LCP: metric("largest-contentful-paint"),
      TBT: metric("total-blocking-time"),
      CLS: metric("cumulative-layout-shift"),
      SI: metric("speed-index"),
    },
    requests: requests.map((r) => ({
      url: r.url,
      transferSize: r.transferSize ?? 0,
      resourceSize: r.resourceSize ?? 0,
      resourceType: r.resourceType,
      statusCode: r.statusCode,
      offsite: !isLocal(r.url, origin),
    })),
    renderBlocking: (audits["render-blocking-resources"]?.details?.items ?? []).map((i) => ({ url: i.url, wastedMs: i.wastedMs, totalBytes: i.totalBytes })),
    consoleErrors: (audits["errors-in-console"]?.details?.items ?? []).map((i) => ({ source: i.source, description: String(i.description ?? "").slice(0, 300), url: i.sourceLocation?.url ?? i.url ?? null })),
    failingAudits: failing,
    runWarnings: lhr.runWarnings ?? [],
    erroredAudits: Object.values(audits).filter((x) => x.scoreDisplayMode === "error").map((x) => ({ id: x.id, error: String(x.errorMessage ?? "").slice(0, 200) })),
  };
}

// ---- axe-core, in its own browser ---------------------------------------------------------------
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_VERSION = require("axe-core/package.json").version;
const VIEWPORTS = {
  mobile: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  desktop: { width: 1350, height: 940, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

async function runAxe(browser, url, origin) {
  const byRule = new Map();
  const consoleErrors = [];
  const httpErrors = [];
  const vegaBlockingTags = new Set();
  const offsite = [];
  let hasChart = false;
  let vegaRequested = false;
  for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage();
    // axe-core's CSSOM preload re-fetches @import-ed sheets resolved against the document (theme.css's
    // "../basic.css" becomes /basic.css, a 404): errors after axe starts are axe's, not the page's.
    let axeStarted = false;
    try {
      await page.setViewport(viewport);
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        const u = req.url();
        if (u.includes(VEGA_SCRIPT)) vegaRequested = true;
        if (isLocal(u, origin)) req.continue();
        else {
          offsite.push(u);
          req.abort("blockedbyclient");
        }
      });
      page.on("console", (msg) => {
        if (msg.type() === "error" && !axeStarted) consoleErrors.push({ viewport: vpName, text: msg.text().slice(0, 300), url: msg.location()?.url ?? null });
      });
      page.on("response", (resp) => {
        if (resp.status() >= 400 && !axeStarted) httpErrors.push({ viewport: vpName, status: resp.status(), url: resp.url() });
      });
      page.on("pageerror", (err) => !axeStarted && consoleErrors.push({ viewport: vpName, text: `pageerror: ${String(err?.message ?? err).slice(0, 300)}` }));
      await page.goto(url, { waitUntil: "networkidle0", timeout: 60000 });
      // Charts draw asynchronously; give them a moment to settle before checking the DOM.
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(sel)].every((el) => el.getAttribute("data-drawn") === "true" || el.textContent.trim() !== ""),
        { timeout: 10000 },
        CHART_SELECTOR,
      ).catch(() => {});
      hasChart = hasChart || (await page.$(CHART_SELECTOR)) !== null;
      // A Vega script tag the parser meets without async/defer/module holds up first paint.
      const tags = await page.$$eval(`script[src*="${VEGA_SCRIPT}"]`, (els) => els.map((e) => ({ src: e.getAttribute("src"), async: e.async, defer: e.defer, module: e.type === "module", inHead: !!e.closest("head") })));
      for (const t of tags) if (!t.async && !t.defer && !t.module) vegaBlockingTags.add(t.src);
      axeStarted = true;
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          tags: v.tags,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200), summary: (n.failureSummary || "").slice(0, 300) })),
        }));
      });
      for (const v of result) {
        const seen = byRule.get(v.id);
        if (!seen) byRule.set(v.id, { ...v, viewports: [vpName] });
        else {
          seen.viewports.push(vpName);
          const known = new Set(seen.nodes.map((n) => n.target));
          for (const n of v.nodes) if (!known.has(n.target)) seen.nodes.push(n);
        }
      }
    } finally {
      await page.close().catch(() => {});
    }
  }
  const violations = [...byRule.values()].map((v) => ({ ...v, count: v.nodes.length }));
  return { violations, consoleErrors, httpErrors, offsite: [...new Set(offsite)], hasChart, vegaRequested, vegaBlockingTags: [...vegaBlockingTags] };
}

// ---- one page ---------------------------------------------------------------------------------
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function auditPage(page, { base, origin, blocked, runs, browser, reports }) {
  const url = new URL(page, base).href;
  const runsOut = [];
  const raw = [];
  for (let i = 0; i < runs; i++) {
    const out = await runLighthouse(url, blocked, origin);
    raw.push(out);
    runsOut.push(summariseLighthouse(out.lhr, origin));
  }
  const perfs = runsOut.map((r) => r.scores.performance ?? 0);
  const counted = Math.max(0, runsOut.findIndex((r) => (r.scores.performance ?? 0) === median(perfs)));
  const lh = runsOut[counted];
  if (reports) {
    fs.mkdirSync(reports, { recursive: true });
    const stem = path.join(reports, page.replace(/[\/]/g, "__").replace(/\.html$/, ""));
    fs.writeFileSync(`${stem}.lighthouse.json`, JSON.stringify(raw[counted].lhr));
    if (raw[counted].html) fs.writeFileSync(`${stem}.lighthouse.html`, raw[counted].html);
  }
  const axe = await runAxe(browser, url, origin);

  const vegaLighthouse = lh.requests.some((r) => r.url.includes(VEGA_SCRIPT));
  const vega = vegaLighthouse || axe.vegaRequested;
  const kib = lh.bytes / 1024;
  const offsite = [...new Set([...lh.requests.filter((r) => r.offsite).map((r) => r.url), ...axe.offsite])];
  const reasons = [];
  const { performance: perf, accessibility: a11y, "best-practices": bp } = lh.scores;
  if (perf === null || perf < MIN_PERFORMANCE) reasons.push(`perf<${MIN_PERFORMANCE}`);
  if (a11y === null || a11y < MIN_ACCESSIBILITY) reasons.push(`a11y<${MIN_ACCESSIBILITY}`);
  if (bp === null || bp < MIN_BEST_PRACTICES) reasons.push(`bp<${MIN_BEST_PRACTICES}`);
  if (axe.violations.length > MAX_AXE_VIOLATIONS) reasons.push(`axe:${axe.violations.map((v) => v.id).join(",")}`);
  if (!axe.hasChart && kib > MAX_KIB_WITHOUT_CHARTS) reasons.push(`kib>${MAX_KIB_WITHOUT_CHARTS}`);
  if (!axe.hasChart && vega) reasons.push("vega-without-chart");
  if (axe.consoleErrors.length > 0 || lh.consoleErrors.length > 0) reasons.push("console-errors");
  if (offsite.length > 0) reasons.push(`offsite:${offsite.length}`); // the network is cut off: such a request fails
  // Lighthouse 12.2's render-blocking audit errors on current Chromium traces ("frame_sequence"),
  // so the script tag itself is checked as well.
  const vegaBlocking = lh.renderBlocking.some((r) => r.url.includes(VEGA_SCRIPT)) || axe.vegaBlockingTags.length > 0;
  if (vegaBlocking) reasons.push("vega-render-blocking");
  return {
    page,
    url,
    pass: reasons.length === 0,
    reasons,
    perf,
    a11y,
    bp,
    perfRuns: perfs,
    kib: Math.round(kib),
    bytes: lh.bytes,
    hasChart: axe.hasChart,
    vega,
    vegaRenderBlocking: vegaBlocking,
    axeViolations: axe.violations.length,
    axeNodes: axe.violations.reduce((n, v) => n + v.count, 0),
    offsite,
    lighthouse: lh,
    axe: { version: AXE_VERSION, violations: axe.violations, consoleErrors: axe.consoleErrors, httpErrors: axe.httpErrors },
  };
}

function line(r) {
  const pad = (v, n) => String(v ?? "--").padStart(n);
  const base = `${r.page.padEnd(34)} perf=${pad(r.perf, 3)} a11y=${pad(r.a11y, 3)} bp=${pad(r.bp, 3)} kib=${pad(r.kib, 4)} axe=${r.axeViolations} vega=${r.vega ? "yes" : "no"} ${r.pass ? "PASS" : "FAIL"}`;
  return r.pass ? base : `${base} (${r.reasons.join(" ")})`;
}

// ---- main -------------------------------------------------------------------------------------
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = await startServer(opts.site, opts.port);
  const port = server.address().port;
  const origin = `http://${HOST}:${port}`;
  const base = `${origin}/`;
  const { patterns } = blockedPatterns(opts.site, port);
  console.log(`audit: ${opts.pages.length} pages of ${opts.site} on ${base} (gzip; other origins blocked); lighthouse mobile, axe-core ${AXE_VERSION}`);

  let browser = null;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      for (const c of liveChromes) c.process?.kill("SIGKILL");
      browser?.process()?.kill("SIGKILL");
      server.close();
      process.exit(130);
    });
  }
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS.filter((f) => !f.startsWith("--headless")) });
  const results = [];
  let crashed = 0;
  try {
    for (const page of opts.pages) {
      try {
        const r = await auditPage(page, { base, origin, blocked: patterns, runs: opts.runs, browser, reports: opts.reports });
        results.push(r);
        console.log(line(r));
      } catch (err) {
        crashed++;
        results.push({ page, pass: false, reasons: [`error: ${err.message}`] });
        console.log(`${page.padEnd(34)} ERROR ${err.message} FAIL`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  const passed = results.filter((r) => r.pass).length;
  const failed = results.length - passed;
  if (opts.json) {
    fs.mkdirSync(path.dirname(path.resolve(opts.json)), { recursive: true });
    const thresholds = { MIN_PERFORMANCE, MIN_ACCESSIBILITY, MIN_BEST_PRACTICES, MAX_AXE_VIOLATIONS, MAX_KIB_WITHOUT_CHARTS, VEGA_SCRIPT, CHART_SELECTOR };
    const report = { generated: new Date().toISOString(), site: opts.site, lighthouse: require("lighthouse/package.json").version, axe: AXE_VERSION, chrome: CHROME_PATH, thresholds, passed, failed, pages: results };
    fs.writeFileSync(opts.json, JSON.stringify(report, null, 2));
  }
  console.log(`audit: ${passed} passed, ${failed} failed${crashed ? ` (${crashed} could not be audited)` : ""}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`audit: ${err.stack || err}`);
  process.exit(2);
});
