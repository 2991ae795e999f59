// Marks the document once the Blazor circuit has rendered interactively: until then buttons are prerendered HTML
// without handlers. Browser tests wait for this marker after a full page load.
window.dpdMarkInteractive = function () {
    document.documentElement.setAttribute('data-interactive', 'true');
};

// A table that scrolls inside its card (data-scroll-region="<name>" on the MudTable) can be scrolled from the
// keyboard: its scrolling container becomes a focusable, named region (WCAG 2.1.1; axe "scrollable-region-focusable").
(function () {
    let queued = false;
    const label = function () {
        queued = false;
        document.querySelectorAll('[data-scroll-region] > .mud-table-container:not([tabindex])').forEach(function (c) {
            c.tabIndex = 0;
            c.setAttribute('role', 'region');
            c.setAttribute('aria-label', c.parentElement.getAttribute('data-scroll-region'));
        });
    };
    new MutationObserver(function () {
        if (!queued) {
            queued = true;
            requestAnimationFrame(label);
        }
    }).observe(document.documentElement, { childList: true, subtree: true });
})();
