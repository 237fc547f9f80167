// The HTML report's inline script: lists a count's records; #selftest checks every count.
#include "report/html_parts.h"

namespace heard::report {

// Contract with the page (see report_markup.h and html_parts.h): count links are
// a.count with data-kind and optional data-outcome/-theme/-district/-channel
// ("" selects records carrying none) and data-also (a second theme the records carry); quote links are a.rec-link with data-id;
// the records are the JSON in #heard-data. The panel lists records as li.rec
// (data-r respondent number, data-d districts joined by "|", data-w redactions)
// and sources as li.src-row (data-w the ledger figure counted).
const char* const kReportScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('heard-data').textContent);
  var panel = document.getElementById('panel');
  var list = document.getElementById('panel-list');
  var title = document.getElementById('panel-title');
  var stats = document.getElementById('panel-stats');
  var kicker = document.getElementById('panel-kicker');
  var recordKinds = { records: 1, respondents: 1, districts: 1, redactions: 1 };
  var ledgerWords = {
    sources: ['source', 'sources'], items_read: ['item read', 'items read'],
    stored: ['record stored', 'records stored'], non_answers: ['non-answer', 'non-answers'],
    duplicates: ['duplicate', 'duplicates'], rejected: ['rejected item', 'rejected items'],
    warnings: ['warning', 'warnings']
  };
  var channelWords = { survey: 'survey', focus_group: 'focus group', workshop: 'workshop' };
  var active = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function plural(n, one, many) { return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many); }
  function opt(el, name) { return el.hasAttribute(name) ? el.getAttribute(name) : null; }
  function filterOf(el) {
    return { kind: el.getAttribute('data-kind'), outcome: opt(el, 'data-outcome'),
      theme: opt(el, 'data-theme'), district: opt(el, 'data-district'),
      channel: opt(el, 'data-channel'), also: opt(el, 'data-also') };
  }
  // wanted === '' selects the values that are empty: no outcome, no theme.
  function carries(values, wanted) {
    return wanted === '' ? values.length === 0 : values.indexOf(wanted) >= 0;
  }
  function passes(r, f) {
    if (f.outcome !== null && !carries(r.outcomes, f.outcome)) return false;
    if (f.theme !== null && !carries(r.themes, f.theme)) return false;
    if (f.district !== null && r.districts.indexOf(f.district) < 0) return false;
    if (f.channel !== null && r.channel !== f.channel) return false;
    if (f.also != null && r.themes.indexOf(f.also) < 0) return false;
    if (f.kind === 'respondents') return r.r > 0;
    if (f.kind === 'districts') return r.districts.length > 0;
    if (f.kind === 'redactions') return r.red > 0;
    return true;
  }
  function describe(f) {
    var parts = [];
    if (f.outcome !== null) {
      parts.push(f.outcome === '' ? 'No outcome identified'
                                  : f.outcome + ' ' + (data.outcomes[f.outcome] || ''));
    }
    if (f.theme !== null) {
      parts.push(f.theme === '' ? 'No theme' : (data.themes[f.theme] || f.theme));
    }
    if (f.also != null) parts.push('with ' + (data.themes[f.also] || f.also));
    if (f.district !== null) parts.push(f.district);
    if (f.channel !== null) parts.push(channelWords[f.channel] || f.channel);
    if (!recordKinds[f.kind]) parts.push(ledgerWords[f.kind] ? ledgerWords[f.kind][1] : f.kind);
    var text = parts.length ? parts.join(' \u203a ') : 'The whole round';
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function recordItem(r) {
    var source = data.sources[r.source] || { path: '?' };
    var meta = '<span class="tag">' + esc(channelWords[r.channel] || r.channel) + '</span>';
    r.districts.forEach(function (d) { meta += '<span class="tag">' + esc(d) + '</span>'; });
    meta += '<span class="src">' + esc(source.path) + '</span>, ' + esc(r.locator);
    if (r.r) meta += ' \u00b7 respondent ' + r.r;
    meta += ' \u00b7 record <code>' + esc(r.id) + '</code>';
    if (r.red) meta += ' \u00b7 ' + plural(r.red, 'detail', 'details') + ' redacted';
    if (r.man && r.man.length) meta += ' \u00b7 added by hand: ' + esc(r.man.join(', '));
    return '<li class="rec" data-r="' + r.r + '" data-d="' + esc(r.districts.join('|')) +
        '" data-w="' + r.red + '"><p class="rec-text">' + esc(r.text) + '</p><p class="rec-meta">' +
        meta + '</p></li>';
  }
  function showRecords(f, records) {
    var people = Object.create(null), places = Object.create(null);
    var nPeople = 0, nPlaces = 0, redactions = 0;
    records.forEach(function (r) {
      if (r.r && !people[r.r]) { people[r.r] = 1; nPeople++; }
      r.districts.forEach(function (d) { if (!places[d]) { places[d] = 1; nPlaces++; } });
      redactions += r.red;
    });
    var n = plural(records.length, 'record', 'records');
    stats.textContent =
        f.kind === 'respondents' ? plural(nPeople, 'respondent', 'respondents') + ', ' + n
      : f.kind === 'districts' ? plural(nPlaces, 'district', 'districts') + ', ' + n
      : f.kind === 'redactions' ? plural(redactions, 'redaction', 'redactions') + ' in ' + n
      : n;
    list.innerHTML = records.length ? records.map(recordItem).join('')
                                    : '<li class="empty">No records.</li>';
  }
  function showSources(f) {
    var field = f.kind === 'sources' ? null : f.kind;
    var words = ledgerWords[f.kind] || [f.kind, f.kind];
    var total = 0, rows = [];
    data.sources.forEach(function (s, i) {
      if (f.channel !== null && s.channel !== f.channel) return;
      var w = field === null ? 1 : (s[field] || 0);
      if (!w) return;
      total += w;
      var row = '<li class="src-row" data-w="' + w + '"><p class="rec-text"><span class="src">' +
          esc(s.path) + '</span></p><p class="src-meta">' +
          esc(channelWords[s.channel] || s.channel) +
          ' \u00b7 ' + s.items_read + ' items read: ' + s.stored + ' stored, ' + s.non_answers +
          ' non-answers, ' + s.rejected + ' rejected, ' + s.duplicates + ' duplicates; ' +
          plural(s.warnings, 'warning', 'warnings') + '</p>';
      if (field === 'rejected' || field === 'warnings') {
        var severity = field === 'rejected' ? 'reject' : 'warning';
        data.problems.forEach(function (p) {
          if (p.source !== i || p.severity !== severity) return;
          row += '<p class="problem">line ' + p.line +
              (p.column ? ' [' + esc(p.column) + ']' : '') + ': ' + esc(p.reason) + '</p>';
        });
      }
      rows.push(row + '</li>');
    });
    stats.textContent = plural(total, words[0], words[1]) +
        (field ? ' from ' + plural(rows.length, 'source', 'sources') : '');
    list.innerHTML = rows.length ? rows.join('') : '<li class="empty">None.</li>';
  }
  function open(el) {
    if (active) active.classList.remove('active');
    active = el;
    if (el) el.classList.add('active');
    panel.hidden = false;
    list.scrollTop = 0;
    document.getElementById('panel-close').focus({ preventScroll: true });
  }
  function close() {
    panel.hidden = true;
    if (active) active.classList.remove('active');
    active = null;
  }
  function show(el) {
    var f = filterOf(el);
    title.textContent = describe(f);
    kicker.textContent = (recordKinds[f.kind] ? 'Records' : 'Sources') + ' behind the count';
    if (recordKinds[f.kind]) {
      showRecords(f, data.records.filter(function (r) { return passes(r, f); }));
    } else {
      showSources(f);
    }
    open(el);
  }
  function showRecord(el) {
    var id = el.getAttribute('data-id');
    title.textContent = 'Record ' + id;
    kicker.textContent = 'Quoted record';
    showRecords({ kind: 'records' }, data.records.filter(function (r) { return r.id === id; }));
    open(el);
  }

  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('a.count, a.rec-link') : null;
    if (!el) return;
    e.preventDefault();
    if (el.classList.contains('count')) show(el); else showRecord(el);
  });
  document.getElementById('panel-close').addEventListener('click', close);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });

  // ---- #selftest: follow every count and compare what is listed with the number shown.
  function numberIn(text) {
    var m = String(text).match(/\d[\d,]*/);
    return m ? parseInt(m[0].replace(/,/g, ''), 10) : NaN;
  }
  function measure(kind) {
    var items = list.querySelectorAll(recordKinds[kind] ? 'li.rec' : 'li.src-row');
    var seen = Object.create(null), n = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (kind === 'records') {
        n++;
      } else if (kind === 'respondents') {
        var r = item.getAttribute('data-r');
        if (r !== '0' && !seen[r]) { seen[r] = 1; n++; }
      } else if (kind === 'districts') {
        item.getAttribute('data-d').split('|').forEach(function (d) {
          if (d && !seen[d]) { seen[d] = 1; n++; }
        });
      } else {
        n += parseInt(item.getAttribute('data-w'), 10);
      }
    }
    return n;
  }
  function follow(el) {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }
  function where(el) {
    var f = filterOf(el);
    return f.kind + ' [' + describe(f) + ']';
  }
  function selfTest() {
    var links = document.querySelectorAll('a.count'), bad = [];
    for (var i = 0; i < links.length; i++) {
      var want = numberIn(links[i].textContent);
      follow(links[i]);
      var got = measure(links[i].getAttribute('data-kind')), said = numberIn(stats.textContent);
      if (panel.hidden || isNaN(want) || got !== want || said !== want) {
        bad.push(where(links[i]) + ': shows ' + want + ', lists ' + got + ', panel says ' + said);
      }
    }
    var quotes = document.querySelectorAll('a.rec-link');
    for (var q = 0; q < quotes.length; q++) {
      follow(quotes[q]);
      var shown = list.querySelectorAll('li.rec code');
      if (shown.length !== 1 || shown[0].textContent !== quotes[q].getAttribute('data-id')) {
        bad.push('quote ' + quotes[q].getAttribute('data-id') + ': lists ' + shown.length);
      }
    }
    var svgs = document.querySelectorAll('svg.chart'), drawn = 0;
    for (var s = 0; s < svgs.length; s++) {
      var box = svgs[s].getBoundingClientRect(), sized = 0;
      var marks = svgs[s].querySelectorAll('rect');
      for (var m = 0; m < marks.length; m++) {
        var b = marks[m].getBoundingClientRect();
        if (b.width > 0 && b.height > 0) sized++;
      }
      if (box.width > 0 && box.height > 0 && sized > 0) drawn++;
      else bad.push('chart ' + s + ' (' + svgs[s].getAttribute('class') + ') is not drawn');
    }
    close();
    var pass = bad.length === 0 && links.length > 0 && svgs.length > 0;
    var out = document.getElementById('selftest');
    out.textContent = (pass ? 'PASS' : 'FAIL') + ' links=' + links.length + ' mismatches=' +
        bad.length + ' quotes=' + quotes.length + ' svgs=' + drawn + '/' + svgs.length +
        ' records=' + data.records.length + (bad.length ? '\n' + bad.slice(0, 25).join('\n') : '');
    out.hidden = false;
  }

  if (location.hash === '#selftest') {
    try {
      selfTest();
    } catch (err) {
      var out = document.getElementById('selftest');
      out.textContent = 'FAIL error: ' + err;
      out.hidden = false;
    }
  } else if (location.hash === '#example') {
    var first = document.querySelector('table.themes a.count');
    if (first) follow(first);
  }
})();
)js";

}  // namespace heard::report
