// tests/browser/cdp.js CHROMIUM JOBS.json OUT.json — loads each HTML report
// of JOBS in one headless Chromium (Debian's chromium, driven over the
// DevTools protocol with Node's own WebSocket: no npm package), with the
// network cut off (a proxy that does not exist, every host name resolved to
// nothing), and writes for each job what the browser saw:
//   console   every console message and log entry (errors, warnings,
//             "Failed to load resource" …) while the page loaded
//   requests  every URL the page asked for other than itself
//   dom       per <section class="device">: data-path, the item statuses
//             (data-item/data-status of its items table) and the findings
//             (data-rule, data-status, data-severity, data-line/-packet)
//   pages     pages of the page printed to PDF (A4, as the print CSS says)
// and writes the job's screenshot (PNG, full page) and PDF where asked.
// Usage: node --experimental-websocket tests/browser/cdp.js … (Node 20).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [chromium, jobsFile, outFile] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelint-chromium-'));

function launch() {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--disable-default-apps', '--mute-audio',
    '--proxy-server=http://127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND',
    '--user-data-dir=' + profile, '--remote-debugging-port=0', 'about:blank'];
  const p = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error('chromium did not start: ' + err)), 120000);
    p.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(t); resolve({ proc: p, url: m[1] }); }
    });
    p.on('exit', (c) => reject(new Error('chromium exited ' + c + ': ' + err)));
  });
}

class Cdp {
  constructor(url) {
    this.ws = new WebSocket(url);
    this.id = 0;
    this.wait = new Map();
    this.handlers = [];
    this.ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.id && this.wait.has(m.id)) {
        const { resolve, reject } = this.wait.get(m.id);
        this.wait.delete(m.id);
        if (m.error) reject(new Error(JSON.stringify(m.error))); else resolve(m.result);
      } else if (m.method) {
        for (const h of this.handlers) h(m);
      }
    };
    this.open = new Promise((r, j) => { this.ws.onopen = r; this.ws.onerror = j; });
  }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    this.ws.send(JSON.stringify(msg));
    return new Promise((resolve, reject) => this.wait.set(id, { resolve, reject }));
  }
}

// The DOM as the test reads it: only data-* attributes the reporter writes.
const domScript = `(() => {
  const out = [];
  for (const s of document.querySelectorAll('section.device')) {
    const items = {};
    for (const td of s.querySelectorAll('table.items td[data-item]'))
      items[td.dataset.item] = td.dataset.status;
    const findings = [];
    for (const a of s.querySelectorAll('article.finding'))
      findings.push({ rule: a.dataset.rule, status: a.dataset.status, severity: a.dataset.severity,
        line: a.dataset.line ? +a.dataset.line : null, packet: a.dataset.packet ? +a.dataset.packet : null });
    out.push({ path: s.dataset.path, items, findings });
  }
  return JSON.stringify({ lang: document.documentElement.lang, title: document.title,
    h1: document.querySelectorAll('h1').length, sections: out,
    checklistRows: document.querySelectorAll('table.checklist tbody tr').length });
})()`;

// Pages of a PDF: the /Count of its page tree root (the largest /Count).
function pdfPages(buf) {
  let n = 0;
  for (const m of buf.toString('latin1').matchAll(/\/Count (\d+)/g)) n = Math.max(n, +m[1]);
  return n;
}

async function run() {
  const { proc, url } = await launch();
  const cdp = new Cdp(url);
  await cdp.open;
  const results = [];
  try {
    for (const job of jobs) {
      const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
      const seen = { console: [], requests: [] };
      const pageUrl = 'file://' + path.resolve(job.html);
      let loaded;
      const load = new Promise((r) => { loaded = r; });
      const h = (m) => {
        if (m.sessionId !== sessionId) return;
        if (m.method === 'Runtime.consoleAPICalled')
          seen.console.push(m.params.type + ': ' + m.params.args.map((a) => a.value).join(' '));
        else if (m.method === 'Log.entryAdded')
          seen.console.push(m.params.entry.level + ': ' + m.params.entry.text);
        else if (m.method === 'Runtime.exceptionThrown')
          seen.console.push('exception: ' + m.params.exceptionDetails.text);
        else if (m.method === 'Network.requestWillBeSent' && m.params.request.url !== pageUrl)
          seen.requests.push(m.params.request.url);
        else if (m.method === 'Page.loadEventFired') loaded();
      };
      cdp.handlers.push(h);
      for (const d of ['Page', 'Runtime', 'Log', 'Network']) await cdp.send(d + '.enable', {}, sessionId);
      await cdp.send('Page.navigate', { url: pageUrl }, sessionId);
      await Promise.race([load, new Promise((r) => setTimeout(r, 60000))]);
      await new Promise((r) => setTimeout(r, 300));   // late messages
      const ev = await cdp.send('Runtime.evaluate', { expression: domScript, returnByValue: true }, sessionId);
      const res = { html: job.html, console: seen.console, requests: seen.requests,
        dom: JSON.parse(ev.result.value) };
      if (job.png) {
        const m = await cdp.send('Page.getLayoutMetrics', {}, sessionId);
        const w = 1000, hgt = Math.min(Math.ceil(m.cssContentSize.height), job.pngHeight || 1600);
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: w, height: hgt, deviceScaleFactor: 1, mobile: false }, sessionId);
        const s = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width: w, height: hgt, scale: 1 } }, sessionId);
        fs.writeFileSync(job.png, Buffer.from(s.data, 'base64'));
        await cdp.send('Emulation.clearDeviceMetricsOverride', {}, sessionId);
      }
      const pdf = await cdp.send('Page.printToPDF', { preferCSSPageSize: true, displayHeaderFooter: false }, sessionId);
      const buf = Buffer.from(pdf.data, 'base64');
      res.pages = pdfPages(buf);
      if (job.pdf) fs.writeFileSync(job.pdf, buf);
      cdp.handlers.splice(cdp.handlers.indexOf(h), 1);
      await cdp.send('Target.closeTarget', { targetId });
      results.push(res);
    }
  } finally {
    fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
    const gone = new Promise((r) => proc.on('exit', r));
    proc.kill();
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10000))]);
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

run().then(() => process.exit(0), (e) => { console.error(String(e.stack || e)); process.exit(2); });
