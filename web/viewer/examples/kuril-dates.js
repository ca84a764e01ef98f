// Kuril Atlas examples: the date filter every client uses, the same as the viewer's. A feature of a dated
// layer holds from start_decdate (inclusive) to end_decdate (exclusive; absent: to today), both as
// OpenHistoricalMap decimal years: year + (days since 1 January) / (days in the year).
(function () {
  "use strict";
  function decimalYear(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    const start = Date.UTC(y, 0, 1), next = Date.UTC(y + 1, 0, 1);
    return y + (Date.UTC(y, m - 1, d) - start) / (next - start);
  }
  function activeOn(props, decdate) {
    return props.start_decdate <= decdate && (props.end_decdate === undefined || props.end_decdate === null ||
      props.end_decdate > decdate);
  }
  // The holder colours of the viewer's style, by the pov_neutral value (who holds the land in fact).
  const COLOURS = { japan: "#dc4539", russia: "#223974", "japan;russia": "#61b778", undetermined: "#b4b4b4" };
  // The land around the record (the `context` layer): a quiet grey, no outline (styles/palette.json context_land).
  const CONTEXT_LAND = "#e8e6e1";
  // ?date=YYYY-MM-DD in the page's URL, else today.
  function dateFromUrl() {
    const d = new URLSearchParams(location.search).get("date");
    return /^\d{4}-\d{2}-\d{2}$/.test(d || "") ? d : new Date().toISOString().slice(0, 10);
  }
  window.kurilDates = { decimalYear, activeOn, COLOURS, CONTEXT_LAND, dateFromUrl };
})();
