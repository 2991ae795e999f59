// Marks the document once the Blazor circuit has rendered interactively: until then buttons are prerendered HTML
// without handlers. Browser tests wait for this marker after a full page load.
window.dpdMarkInteractive = function () {
    document.documentElement.setAttribute('data-interactive', 'true');
};
