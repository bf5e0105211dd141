/// The page's inline style sheet and filter script (inline, because the report must open
/// offline and its Content-Security-Policy forbids loading anything).
enum HTMLReportAssets {
    static let style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; color: #1b1b1b; }
        h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
        dl.facts dt { color: #555; }
        dl.facts dd { margin: 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: .5rem 0; width: 100%; }
        th, td { border: 1px solid #ddd; padding: .2rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #f2f2f2; }
        table.counts { width: auto; }
        table.counts td { text-align: right; }
        tr.total { font-weight: bold; }
        form#filters { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
        fieldset { border: 1px solid #ccc; }
        fieldset label { margin-right: .8rem; white-space: nowrap; }
        pre.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fafafa; border: 1px solid #ddd; padding: .75rem; max-height: 40rem; overflow: auto; }
        mark a { color: inherit; text-decoration: none; }
        mark.k-redact { background: #ffd7d7; outline: 1px solid #c33; }
        mark.k-keep { background: #fff3c4; outline: 1px dashed #a80; }
        mark.k-override { background: #d7e9ff; outline: 2px solid #26c; }
        mark.filtered { background: none; outline: none; }
        tr.k-keep td { background: #fffbea; }
        tr.k-override td { background: #eef5ff; }
        tr.filtered { display: none; }
        .override { color: #124; font-weight: 600; margin-top: .2rem; }
        .status { font-size: .8rem; color: #555; font-weight: normal; }
        .note { color: #555; font-style: italic; }
        .tampered { background: #c00; color: #fff; font-weight: bold; padding: .6rem .8rem; }
        :target { box-shadow: 0 0 0 3px #26c; }

        """

    static let script = """
        (function () {
          var form = document.getElementById('filters');
          function apply() {
            var on = { kind: {}, entity: {} };
            form.querySelectorAll('input[type=checkbox]').forEach(function (box) { on[box.name][box.value] = box.checked; });
            document.querySelectorAll('[data-kind][data-entity]').forEach(function (element) {
              var shown = on.kind[element.dataset.kind] !== false && on.entity[element.dataset.entity] !== false;
              element.classList.toggle('filtered', !shown);
            });
          }
          // A link can carry filters: review.html#hide=keep,person unticks those boxes.
          var hide = /(?:^#|&)hide=([^&]*)/.exec(location.hash);
          if (hide) {
            var hidden = decodeURIComponent(hide[1]).split(',');
            form.querySelectorAll('input[type=checkbox]').forEach(function (box) {
              if (hidden.indexOf(box.value) >= 0) { box.checked = false; }
            });
          }
          form.addEventListener('change', apply);
          apply();
        })();

        """
}
