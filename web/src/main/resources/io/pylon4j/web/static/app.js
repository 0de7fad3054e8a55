// pylon4j web view. Builds the DOM with textContent only (nothing the bank or a link sends is parsed as HTML),
// loads the history once, then follows /api/events (Server-Sent Events). Read-only: only GET requests.
'use strict';
(function () {
  const MAX_POINTS = 3600; // the server keeps the last hour; a page left open keeps no more than that either
  const SERIES = ['socPercent', 'voltageVolts', 'currentAmps', 'chargeVoltageLimitVolts', 'chargeCurrentLimitAmps',
    'dischargeCurrentLimitAmps', 'temperatureCelsius'];
  const PLOTS = [
    { id: 'plot-soc', title: 'SOC (%)', series: [['socPercent', 'SOC %', '#2e8540']] },
    { id: 'plot-voltage', title: 'Voltage (V)', series: [['voltageVolts', 'voltage V', '#1f5fa8'],
      ['chargeVoltageLimitVolts', 'CVL V', '#c62828']] },
    { id: 'plot-current', title: 'Current (A)', series: [['currentAmps', 'current A', '#1f5fa8'],
      ['chargeCurrentLimitAmps', 'CCL A', '#2e8540'], ['dischargeCurrentLimitAmps', 'DCL A', '#b36b00']] },
    { id: 'plot-temperature', title: 'Temperature (°C)', series: [['temperatureCelsius', '°C', '#8e44ad']] }
  ];
  const LIMITS = [
    ['chargeVoltageLimitVolts', 'charge voltage (CVL)', 'V', 'chargeVoltageLimit'],
    ['chargeCurrentLimitAmps', 'charge current (CCL)', 'A', 'chargeCurrentLimit'],
    ['dischargeCurrentLimitAmps', 'discharge current (DCL)', 'A', 'dischargeCurrentLimit'],
    ['dischargeVoltageLimitVolts', 'discharge voltage (DVL)', 'V', 'dischargeVoltageLimit']
  ];
  const data = { t: [] };
  SERIES.forEach(s => { data[s] = []; });
  const charts = [];
  let updates = 0;

  const $ = id => document.getElementById(id);
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function row(cells, cls) {
    const tr = el('tr', null, cls);
    cells.forEach(c => tr.appendChild(c instanceof Node ? c : el('td', c)));
    return tr;
  }
  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }
  function num(v, digits) {
    return v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(digits);
  }
  function time(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + ' (' + ago(d) + ')';
  }
  function ago(d) {
    const s = Math.max(0, Math.round((Date.now() - d.getTime()) / 1000));
    return s < 120 ? s + ' s ago' : s < 7200 ? Math.round(s / 60) + ' min ago' : Math.round(s / 3600) + ' h ago';
  }

  function makeCharts() {
    const box = $('plots');
    PLOTS.forEach(p => {
      const div = el('div');
      div.id = p.id;
      div.dataset.points = '0';
      box.appendChild(div);
      const opts = {
        title: p.title, width: plotWidth(), height: 170, scales: { x: { time: true } },
        series: [{}].concat(p.series.map(s => ({ label: s[1], stroke: s[2], width: 1.5 }))),
        legend: { show: true }
      };
      const chart = new uPlot(opts, columns(p), div);
      charts.push({ p: p, chart: chart, div: div });
    });
    window.addEventListener('resize', () => charts.forEach(c => c.chart.setSize({ width: plotWidth(), height: 170 })));
  }
  // the plots' width from the section's, not from their own (a canvas would keep its old width on a phone)
  function plotWidth() {
    const columns = window.matchMedia('(min-width: 900px)').matches ? 2 : 1;
    const inner = $('plots-section').clientWidth - 24;
    return Math.max(240, Math.floor((inner - (columns - 1) * 8) / columns));
  }
  function columns(p) {
    return [data.t].concat(p.series.map(s => data[s[0]]));
  }
  function redraw() {
    charts.forEach(c => {
      c.chart.setData(columns(c.p));
      c.div.dataset.points = String(data.t.length);
    });
  }
  function addSample(sample) {
    if (!sample || (data.t.length && sample.t <= data.t[data.t.length - 1])) return;
    data.t.push(sample.t);
    SERIES.forEach(s => data[s].push(sample[s]));
    if (data.t.length > MAX_POINTS) {
      data.t.shift();
      SERIES.forEach(s => data[s].shift());
    }
    redraw();
  }

  function render(doc) {
    const s = doc.status;
    $('bank-id').textContent = s.bankId;
    const state = $('supervision-state');
    state.textContent = s.supervision.state;
    const seen = document.body.dataset.states ? document.body.dataset.states.split(' ') : [];
    if (seen[seen.length - 1] !== s.supervision.state) { // the states this page has shown, in order (tests read it)
      seen.push(s.supervision.state);
      document.body.dataset.states = seen.slice(-20).join(' ');
    }
    state.className = 'state state-' + s.supervision.state;
    $('supervision-detail').textContent = s.supervision.state + ' since ' + time(s.supervision.since)
      + (s.supervision.reason ? ': ' + s.supervision.reason : '');
    fill($('links'), Object.keys(s.sources).map(name => {
      const src = s.sources[name];
      const up = src.link === 'CONNECTED';
      const text = name + ': ' + (src.link || 'no link state') + (src.linkCause ? ' — ' + src.linkCause : '')
        + (src.lastReceived ? ', last data ' + time(src.lastReceived) : ', no data yet');
      const li = el('li', text, up ? 'link-up' : 'link-down');
      li.dataset.source = name;
      return li;
    }));
    renderLimits(s);
    const m = s.measurements;
    $('measurements').textContent = 'SOC ' + num(m.socPercent, 0) + ' %, SOH ' + num(m.sohPercent, 0) + ' %, '
      + num(m.voltageVolts, 2) + ' V, ' + num(m.currentAmps, 1) + ' A, ' + num(m.temperatureCelsius, 1) + ' °C, '
      + (s.moduleCount === null ? '? modules' : s.moduleCount + ' modules');
    renderModules(s.modules);
    renderAlarms(s.activeAlarms, doc.alarmLog);
    renderCounters(doc.counters, doc.web);
  }
  function renderLimits(s) {
    fill($('limits').tBodies[0], LIMITS.map(l => {
      const prov = s.published.provenance ? s.published.provenance[l[3]] : null;
      const battery = s.battery ? s.battery[l[0]] : null;
      const why = prov ? prov.source + (prov.reason ? ': ' + prov.reason : '') : '—';
      return row([l[1], num(s.published[l[0]], 1) + ' ' + l[2], num(battery, 1) + ' ' + l[2], el('td', why, 'why')]);
    }));
  }
  function renderModules(modules) {
    const all = modules.flatMap(m => m.cellVoltagesVolts);
    const lo = Math.min(...all), hi = Math.max(...all);
    fill($('modules').tBodies[0], modules.map(m => {
      const cells = m.cellVoltagesVolts;
      const soc = m.remainingCapacityAh !== null && m.totalCapacityAh ? 100 * m.remainingCapacityAh / m.totalCapacityAh
        : null;
      const temps = m.temperaturesCelsius;
      const heat = el('td');
      cells.forEach((v, i) => {
        const bucket = hi > lo ? Math.min(7, Math.floor(8 * (v - lo) / (hi - lo))) : 3;
        const c = el('span', null, 'heat heat-' + bucket);
        c.title = 'cell ' + (i + 1) + ': ' + v.toFixed(3) + ' V';
        heat.appendChild(c);
      });
      const tr = row([m.address, num(m.voltageVolts, 2), num(m.currentAmps, 1), num(soc, 0),
        m.cycles === null ? '—' : m.cycles, cells.length ? Math.min(...cells).toFixed(3) : '—',
        cells.length ? Math.max(...cells).toFixed(3) : '—',
        temps.length ? Math.min(...temps).toFixed(1) + '–' + Math.max(...temps).toFixed(1) : '—', heat]);
      tr.dataset.address = m.address;
      return tr;
    }));
  }
  function renderAlarms(active, log) {
    fill($('active-alarms'), active.length ? active.map(a => el('li', a.level + ' ' + a.alarm + ': ' + a.description,
      'alarm-active')) : [el('li', 'no active alarm or protection', 'muted')]);
    fill($('alarm-log').tBodies[0], log.slice().reverse().map(a => row([a.alarm + ' (' + a.description + ')', a.level,
      time(a.raised), a.cleared ? time(a.cleared) : 'active'], a.cleared ? '' : 'alarm-active')));
  }
  function renderCounters(counters, web) {
    const rows = [];
    Object.keys(counters).forEach(k => rows.push(row([k, counters[k]])));
    Object.keys(web).forEach(k => rows.push(row(['web ' + k, web[k]])));
    fill($('counters').tBodies[0], rows);
  }

  // the installer's expectations: only the fields filled in are sent; the server refuses anything else (400)
  const EXPECT = [['expect-modules', 'modules'], ['expect-charge', 'moduleChargeAmps'], ['expect-groups', 'groups'],
    ['expect-new', 'newModules']];

  function expectedText(e) {
    if (!e) return '';
    const parts = [];
    if (e.modules !== null) parts.push(e.modules + ' modules');
    if (e.moduleChargeAmps !== null) parts.push(e.moduleChargeAmps + ' A per module');
    parts.push(e.groups + (e.groups === 1 ? ' group' : ' groups'));
    if (e.newModules.length) parts.push('new: ' + e.newModules.join(','));
    return ', judged against ' + parts.join(', ');
  }

  function runChecks(event) {
    if (event) event.preventDefault(); // never a native submit: the CSP's form-action 'none' forbids it anyway
    const query = new URLSearchParams();
    EXPECT.forEach(([id, name]) => {
      const v = $(id).value.trim();
      if (v !== '') query.set(name, v);
    });
    const q = query.toString();
    $('commissioning-overall').textContent = 'running…';
    $('commissioning-overall').className = '';
    fetch('/api/commissioning' + (q ? '?' + q : '')).then(r => r.ok ? r.json()
      : r.text().then(t => { throw new Error(t.trim()); })).then(report => {
      $('commissioning-overall').textContent = 'overall: ' + report.overall + ' over ' + report.windowSeconds
        + ' s, ' + report.samples + ' snapshots' + expectedText(report.expectations);
      $('commissioning-overall').className = 'verdict-' + report.overall;
      const e = report.expectations;
      if (e) { // the view's defaults, shown where the form leaves a value empty
        $('expect-modules').placeholder = e.modules === null ? '' : e.modules;
        $('expect-charge').placeholder = e.moduleChargeAmps === null ? '' : e.moduleChargeAmps;
        $('expect-groups').placeholder = e.groups;
      }
      fill($('commissioning').tBodies[0], report.checks.map(r => row([r.id, el('td', r.verdict,
        'verdict-' + r.verdict), el('td', r.explanation + (r.measured ? ' (seen: ' + r.measured + ')' : '')
        + (r.expected ? ' (expected: ' + r.expected + ')' : ''), 'why')])));
    }).catch(e => {
      $('commissioning-overall').textContent = 'could not run the checks: ' + e.message;
      $('commissioning-overall').className = 'verdict-FAIL';
    });
  }

  function connect() {
    const source = new EventSource('/api/events');
    source.addEventListener('status', e => {
      const doc = JSON.parse(e.data);
      updates++;
      document.body.dataset.updates = String(updates);
      $('connection').textContent = 'live: ' + updates + ' updates';
      render(doc);
      addSample(doc.sample);
    });
    source.onerror = () => { $('connection').textContent = 'view unreachable, retrying…'; };
  }

  document.addEventListener('DOMContentLoaded', () => {
    makeCharts();
    $('expectations').addEventListener('submit', runChecks);
    fetch('/api/history').then(r => r.json()).then(h => {
      data.t = h.t;
      SERIES.forEach(s => { data[s] = h[s]; });
      redraw();
    }).finally(connect);
  });
})();
