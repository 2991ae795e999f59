// Saves text produced by the app (e.g. a table exported as CSV) as a file download; below, the chart pictures of printed reports.
window.dpdDownload = function (fileName, contentType, text) {
    const blob = new Blob([text], { type: contentType });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
};
// Printed reports: each interactive chart's static picture, made by Plotly's own image export (SVG) into an
// <img data-dpd-plot="<plot div id>"> that only print shows (the interactive chart is hidden in print). Waits for a plot
// still being drawn; a redraw (new data, zoom) refreshes the picture. Returns how many pictures were made.
(function () {
    const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

    async function plotOf(id, waitMs) {
        for (const until = Date.now() + waitMs; ;) {
            const gd = document.getElementById(id);
            if (gd && gd._fullLayout && window.Plotly) {
                return gd;
            }
            if (Date.now() > until) {
                return null;
            }
            await delay(100);
        }
    }

    async function snapshot(img) {
        const gd = await plotOf(img.dataset.dpdPlot, 30000);
        if (!gd) {
            return false;
        }
        const url = await window.Plotly.toImage(gd, { format: 'svg', width: 960, height: gd._fullLayout.height || 400 });
        img.src = url;
        img.dataset.ready = 'true';
        if (!gd.dpdSnapshotHooked) {
            gd.dpdSnapshotHooked = true;
            gd.on('plotly_afterplot', () => {
                clearTimeout(gd.dpdSnapshotTimer);
                gd.dpdSnapshotTimer = setTimeout(() => {
                    const current = document.querySelector(`img[data-dpd-plot="${gd.id}"]`);
                    if (current) {
                        snapshot(current).catch(() => { });
                    }
                }, 300);
            });
        }
        return true;
    }

    window.dpdSnapshotCharts = async function () {
        const images = Array.from(document.querySelectorAll('img[data-dpd-plot]'));
        const made = await Promise.all(images.map(img => snapshot(img).catch(() => false)));
        return made.filter(Boolean).length;
    };

    // "Print report": the pictures first, so that print (and print to PDF) has every chart.
    window.dpdPrintReport = async function () {
        await window.dpdSnapshotCharts();
        window.print();
    };
})();
