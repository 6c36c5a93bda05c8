// Follows a camera import: the bar moves as rows are done; once the import ends, the page shows its report.
"use strict";

(function () {
    var bar = document.getElementById("import-progress");
    if (!bar) {
        return;
    }
    var status = document.getElementById("import-status");
    var announcedTenth = -1;

    function show(progress) {
        bar.max = progress.total;
        bar.value = progress.processed;
        // Announced at each tenth, not each second: a screen reader would otherwise speak without pause.
        var tenth = progress.total > 0 ? Math.floor(10 * progress.processed / progress.total) : 0;
        if (tenth !== announcedTenth) {
            announcedTenth = tenth;
            status.textContent = progress.processed + " of " + progress.total + " rows done.";
        }
    }

    function poll() {
        fetch(bar.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (answer) {
                return answer.ok ? answer.json() : Promise.reject(answer.status);
            })
            .then(function (progress) {
                show(progress);
                if (progress.state === "RUNNING") {
                    setTimeout(poll, 1000);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () {
                setTimeout(poll, 5000);
            });
    }

    setTimeout(poll, 500);
})();
