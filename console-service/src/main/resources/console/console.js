// The Faultline console: a page per hash route, each drawn from the console's /api (the services' own APIs, sent on
// with the signed-in user's token) and, for a running experiment, from /api/live (server-sent events read off the
// topics). Everything from the services is put in the page as text nodes, never as HTML.
'use strict';

const TOKEN_KEY = 'faultline.token';
const RUNNING = new Set(['CLEARED', 'INJECTING', 'STOPPED']);
// how long a page keeps asking the catalog for a verdict the live feed announced
const VERDICT_CATCH_UP_MILLIS = 120000;
const LATENCY_STATISTICS = new Set(['P50_LATENCY', 'P90_LATENCY', 'P95_LATENCY', 'P99_LATENCY', 'MAX_LATENCY',
  'MEAN_LATENCY']);

// ---- the signed-in user -------------------------------------------------------------------------------------------

/** A token in the address's fragment (#token=...) signs in and is taken out of the address at once. */
function takeTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + '#/experiments');
  }
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The token's subject and roles, read from its payload (the services check its signature, not the page). */
function claims() {
  try {
    const payload = token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch (e) {
    return {};
  }
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  route();
}

// ---- the API ------------------------------------------------------------------------------------------------------

class ApiProblem extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, options = {}) {
  const response = await fetch('/api/' + path, {
    ...options,
    headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'application/json', ...(options.headers || {})},
  });
  const text = await response.text();
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = JSON.parse(text);
      message = [body.error || body.message || message].concat(body.reasons || []).join(' — ');
    } catch (e) {
      // not JSON: keep the status line
    }
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    throw new ApiProblem(response.status, message);
  }
  return text ? JSON.parse(text) : null;
}

/**
 * Follows /api/live as server-sent events with the bearer token (EventSource cannot send one): calls onEvent with
 * each event's data until stop() is called; a dropped connection is opened again after a second.
 */
function follow(query, onEvent) {
  const controller = new AbortController();
  let stopped = false;
  const open = async () => {
    while (!stopped) {
      try {
        const response = await fetch('/api/live' + query, {
          headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'text/event-stream'},
          signal: controller.signal,
        });
        if (!response.ok) {
          throw new ApiProblem(response.status, 'live feed: ' + response.status);
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) {
            break;
          }
          buffered += value;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
            if (data) {
              const event = JSON.parse(data);
              if (event.type !== 'heartbeat') {
                onEvent(event);
              }
            }
          }
        }
      } catch (e) {
        if (stopped) {
          return;
        }
        if (e instanceof ApiProblem && e.status === 401) {
          showProblem('signed out: the token was refused');
          return;
        }
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  };
  open();
  return {stop: () => { stopped = true; controller.abort(); }};
}

// ---- building the page --------------------------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function table(columns, rows, attributes = {}) {
  return el('table', attributes,
      el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c.title)))),
      el('tbody', {}, rows.map(row => el('tr', row.attributes || {},
          columns.map(c => el('td', {class: c.key}, c.cell(row)))))));
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function showProblem(message) {
  const problem = document.getElementById('problem');
  problem.textContent = message;
  problem.hidden = !message;
}

/** The live feeds and timers of the page being left. */
let leaving = [];

function leave() {
  leaving.forEach(stop => stop());
  leaving = [];
}

function page(...children) {
  const main = document.getElementById('page');
  main.replaceChildren(...children);
  return main;
}

// ---- pages --------------------------------------------------------------------------------------------------------

async function experimentsPage() {
  const list = el('div', {id: 'experiments'}, 'loading…');
  page(el('h1', {}, 'Experiments'), list);
  const draw = async () => {
    const experiments = await api('experiments');
    experiments.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
    list.replaceChildren(experiments.length === 0 ? el('p', {}, 'No experiments yet.') : table([
      {title: 'Experiment', key: 'id', cell: e => el('a', {href: '#/experiments/' + encodeURIComponent(e.experimentId)}, e.experimentId)},
      {title: 'Status', key: 'status', cell: e => el('span', {class: 'status ' + e.status}, e.status)},
      {title: 'Service', key: 'service', cell: e => e.service || ''},
      {title: 'Fault', key: 'fault', cell: e => e.faultType || ''},
      {title: 'Environment', key: 'environment', cell: e => e.environment || ''},
      {title: 'Verdict', key: 'verdict', cell: e => e.verdict ? el('span', {class: 'outcome ' + e.verdict}, e.verdict) : ''},
      {title: 'Updated', key: 'updated', cell: e => time(e.updatedAt)},
    ], experiments.map(e => ({...e, attributes: {'data-experiment': e.experimentId, 'data-status': e.status}})),
    {class: 'experiments'}));
  };
  await draw();
  // a status change anywhere redraws the list
  const feed = follow('', () => draw().catch(e => showProblem(e.message)));
  leaving.push(feed.stop);
}

async function experimentPage(id) {
  const status = el('span', {id: 'status', class: 'status'});
  const facts = el('p', {id: 'facts'});
  const live = el('section', {id: 'live', hidden: true});
  const verdict = el('section', {id: 'verdict', hidden: true});
  const timeline = el('section', {id: 'timeline'});
  page(el('h1', {}, 'Experiment ', el('code', {}, id), ' ', status), facts, live, verdict, timeline);

  let shown = null;
  const refresh = async () => {
    const experiment = await api('experiments/' + encodeURIComponent(id));
    status.textContent = experiment.status;
    status.className = 'status ' + experiment.status;
    status.dataset.status = experiment.status;
    facts.textContent = [experiment.service, experiment.faultType, experiment.environment,
      experiment.revision ? 'revision ' + experiment.revision : null].filter(Boolean).join(' · ');
    timeline.replaceChildren(el('h2', {}, 'Timeline'), table([
      {title: 'When', key: 'when', cell: t => time(t.at)},
      {title: 'Event', key: 'type', cell: t => t.type},
      {title: 'What', key: 'summary', cell: t => t.summary},
    ], experiment.timeline || []));
    if (experiment.verdict && shown !== 'verdict') {
      shown = 'verdict';
      await drawVerdict(id, verdict);
    }
    return experiment;
  };
  // the live feed reads the topics; the catalog's view of the experiment follows them a moment later (its stream's
  // commit), so a verdict announced live is asked for again until the view has it
  let left = false;
  leaving.push(() => { left = true; });
  const refreshUntilVerdict = async () => {
    const until = Date.now() + VERDICT_CATCH_UP_MILLIS;
    for (let wait = 250; !left; wait = Math.min(2 * wait, 2000)) {
      if ((await refresh()).verdict) {
        return;
      }
      if (Date.now() > until) {
        showProblem('the verdict was issued, but the catalog has not shown it yet: reload the page later');
        return;
      }
      await new Promise(resolve => setTimeout(resolve, wait));
    }
  };
  const experiment = await refresh();
  if (RUNNING.has(experiment.status) || !experiment.verdict) {
    await drawLive(id, live, verdictIssued => (verdictIssued ? refreshUntilVerdict() : refresh())
        .catch(e => showProblem(e.message)));
  }
}

/**
 * The running experiment: its evidence as it arrives, each latency prediction's threshold drawn in, and the halt.
 * onStatusChange(verdictIssued) is called on every change of the run's state, with true when its verdict came.
 */
async function drawLive(id, section, onStatusChange) {
  section.hidden = false;
  const plan = await api('experiments/' + encodeURIComponent(id) + '/hypothesis').catch(() => null);
  const hypothesis = plan && plan.hypothesis ? plan.hypothesis : {};
  const thresholds = (hypothesis.predictions || [])
      .filter(p => LATENCY_STATISTICS.has(p.statistic))
      .map(p => ({label: p.predictionId + ' ' + p.comparator + ' ' + p.threshold + ' ms', value: p.threshold,
        probeId: p.probeId}))
      .concat((hypothesis.guardrails || []).filter(g => LATENCY_STATISTICS.has(g.statistic))
          .map(g => ({label: 'guardrail ' + g.guardrailId + ' ' + g.threshold + ' ms', value: g.threshold,
            probeId: g.probeId, guardrail: true})));
  const state = el('p', {id: 'live-state'}, 'waiting for the fault…');
  const count = el('span', {id: 'live-count'}, '0');
  const chartBox = el('div', {id: 'live-chart', class: 'chart'});
  const haltResult = el('p', {id: 'halt-result'});
  const reason = el('input', {id: 'halt-reason', type: 'text', size: 40, required: true,
    placeholder: 'why (recorded with the halt)'});
  const haltForm = el('form', {id: 'halt-form', onsubmit: async event => {
    event.preventDefault();
    haltResult.textContent = 'halting…';
    try {
      const halt = await api('halts', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({scope: 'EXPERIMENT', experimentId: id, reason: reason.value})});
      haltResult.textContent = 'halt ' + halt.haltId + ' requested; waiting for the fault to be removed…';
      haltResult.dataset.haltId = halt.haltId;
    } catch (e) {
      haltResult.textContent = 'not halted: ' + e.message;
    }
  }}, el('label', {for: 'halt-reason'}, 'Reason '), reason, ' ',
  el('button', {id: 'halt-button', type: 'submit', class: 'danger'}, 'Halt'));
  section.replaceChildren(el('h2', {}, 'Live evidence'), state,
      el('p', {}, el('span', {}, 'samples: '), count), chartBox, haltForm, haltResult);

  // one line per probe of the plan; a probe the plan did not name redraws the chart with a line for it
  const probes = (hypothesis.probes || []).map(p => p.probeId);
  const points = [];
  let faultWindow = null;
  let chart = FaultlineCharts.evidenceChart(chartBox, {probes: probes, thresholds: thresholds});
  const feed = follow('?experiment=' + encodeURIComponent(id), event => {
    if (event.type === 'evidence') {
      points.push(...event.samples);
      const unseen = event.samples.map(s => s.probeId).filter((p, i, all) => !probes.includes(p) && all.indexOf(p) === i);
      if (unseen.length > 0) {
        probes.push(...unseen);
        chart.destroy();
        chart = FaultlineCharts.evidenceChart(chartBox, {probes: probes, thresholds: thresholds, points: points,
          window: faultWindow});
      } else {
        chart.append(event.samples);
      }
      count.textContent = String(points.length);
    } else if (event.type === 'injection') {
      if (event.state === 'STARTED') {
        faultWindow = {start: Date.parse(event.from), end: null};
        chart.setWindow(faultWindow);
        state.textContent = 'fault applied: ' + event.detail + ' (deadline ' + time(event.to) + ')';
      } else {
        if (event.from && event.to) {
          faultWindow = {start: Date.parse(event.from), end: Date.parse(event.to)};
          chart.setWindow(faultWindow);
        }
        state.textContent = (event.state === 'STOPPED' ? 'fault removed: ' : 'refused: ') + event.detail;
        haltForm.hidden = true;
      }
      state.dataset.state = event.state;
      onStatusChange();
    } else if (event.type === 'verdict' || event.type === 'halt') {
      onStatusChange(event.type === 'verdict');
    }
  });
  leaving.push(feed.stop);
}

/** A finished experiment: its verdict, each prediction's interval against its threshold, the evidence over time. */
async function drawVerdict(id, section) {
  const verdict = await api('experiments/' + encodeURIComponent(id) + '/verdict');
  const evidence = await api('experiments/' + encodeURIComponent(id) + '/evidence');
  const report = el('div', {id: 'verdict-report'});
  const open = el('button', {id: 'open-report', type: 'button', onclick: async () => {
    const response = await fetch('/api/experiments/' + encodeURIComponent(id) + '/report.html',
        {headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'text/html'}});
    const blob = await response.blob();
    window.open(URL.createObjectURL(blob), '_blank');
  }}, 'Open the HTML report');
  section.replaceChildren(el('h2', {}, 'Verdict ', el('span', {class: 'outcome ' + verdict.outcome, id: 'outcome'},
      verdict.outcome)), el('p', {}, verdict.summary || ''), report, open);
  section.hidden = false;
  FaultlineCharts.verdictReport(report, verdict, evidence);
}

async function catalogPage() {
  const entries = await api('catalog');
  page(el('h1', {}, 'Catalog'), entries.length === 0 ? el('p', {}, 'Nothing is known yet.') : table([
    {title: 'Service', key: 'service', cell: b => b.service},
    {title: 'Failure', key: 'fault', cell: b => b.faultType},
    {title: 'How it behaves', key: 'dimensions', cell: b => el('ul', {}, (b.dimensions || []).map(d => el('li', {},
        d.dimension + ': ' + d.lastOutcome + (d.lastObserved == null ? '' : ' (observed ' + round(d.lastObserved) + ' '
            + d.unit + (d.threshold == null ? '' : ', ' + d.comparator + ' ' + d.threshold) + ')')
        + ' — ' + d.confirmations + ' confirmed, ' + d.contradictions + ' contradicted')))},
    {title: 'Last tested', key: 'tested', cell: b => time(b.lastTestedAt)},
    {title: 'Fresh', key: 'stale', cell: b => b.stale ? el('span', {class: 'stale'}, 'stale: ' + (b.staleReason || '')) : 'yes'},
    {title: 'Evidence', key: 'experiments', cell: b => (b.experimentIds || []).map(e =>
        el('a', {href: '#/experiments/' + encodeURIComponent(e)}, e + ' '))},
  ], entries, {class: 'catalog'}));
}

async function gapsPage() {
  const gaps = await api('catalog/gaps');
  page(el('h1', {}, 'Gaps'), el('p', {}, 'Failures of declared targets that were never tested, or whose knowledge is '
      + 'stale. Propose one with ', el('code', {}, './faultline catalog propose-gap SERVICE FAULT'), '.'),
  gaps.length === 0 ? el('p', {}, 'No gaps.') : table([
    {title: 'Service', key: 'service', cell: g => g.service},
    {title: 'Failure', key: 'fault', cell: g => g.faultType},
    {title: 'Why', key: 'reason', cell: g => g.reason},
    {title: 'Last tested', key: 'tested', cell: g => g.tested ? time(g.lastTestedAt) : 'never'},
    {title: 'Environments', key: 'environments', cell: g => (g.environments || []).join(', ')},
  ], gaps, {class: 'gaps'}));
}

async function followUpsPage() {
  const state = new URLSearchParams(location.hash.split('?')[1] || '').get('state') || '';
  const followUps = await api('follow-ups' + (state ? '?state=' + encodeURIComponent(state) : ''));
  const filter = el('p', {class: 'filter'}, ['', 'OPEN', 'ACCEPTED', 'DONE', 'WONT_FIX'].map(s =>
      el('a', {href: '#/follow-ups' + (s ? '?state=' + s : ''), class: s === state ? 'current' : ''}, (s || 'all') + ' ')));
  page(el('h1', {}, 'Follow-ups'), filter, followUps.length === 0 ? el('p', {}, 'Nothing to follow up.') : table([
    {title: 'State', key: 'state', cell: f => el('span', {class: 'state ' + f.state}, f.state)},
    {title: 'Kind', key: 'kind', cell: f => f.kind},
    {title: 'What', key: 'description', cell: f => f.description},
    {title: 'Service', key: 'service', cell: f => f.service + ' · ' + f.faultType},
    {title: 'Assignee', key: 'assignee', cell: f => f.assignee || 'unassigned'},
    {title: 'From', key: 'experiment', cell: f => el('a', {href: '#/experiments/' + encodeURIComponent(f.experimentId)},
        f.experimentId + (f.predictionId ? ' / ' + f.predictionId : ''))},
    {title: 'Opened', key: 'opened', cell: f => time(f.openedAt)},
  ], followUps, {class: 'follow-ups'}));
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

function signInPage() {
  const form = document.getElementById('sign-in-template').content.cloneNode(true);
  page(form);
  document.getElementById('sign-in-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, document.getElementById('token-input').value.trim());
    location.hash = '#/experiments';
    route();
  });
}

// ---- the router ---------------------------------------------------------------------------------------------------

async function route() {
  leave();
  showProblem('');
  const signedIn = Boolean(token());
  const who = claims();
  document.getElementById('who').textContent = signedIn ? (who.sub || '') + (who.roles ? ' (' + [].concat(who.roles).join(', ') + ')' : '') : '';
  document.getElementById('sign-out').hidden = !signedIn;
  if (!signedIn) {
    signInPage();
    return;
  }
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  const [section, id] = path.split('/').map(decodeURIComponent);
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.dataset.page === (section || 'experiments')));
  try {
    if (section === 'experiments' && id) {
      await experimentPage(id);
    } else if (section === 'catalog') {
      await catalogPage();
    } else if (section === 'gaps') {
      await gapsPage();
    } else if (section === 'follow-ups') {
      await followUpsPage();
    } else {
      await experimentsPage();
    }
    document.body.dataset.ready = path || 'experiments';
  } catch (e) {
    showProblem(e.message);
    if (e instanceof ApiProblem && e.status === 401) {
      signInPage();
    }
  }
}

takeTokenFromAddress();
document.getElementById('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', () => {
  delete document.body.dataset.ready;
  route();
});
route();
