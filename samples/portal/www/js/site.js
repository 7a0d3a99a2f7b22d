// Marks the current page's link; only here so the portal has a script to protect.
document.querySelectorAll('nav a').forEach(function (a) {
  if (a.getAttribute('href') === location.pathname) { a.style.fontWeight = 'bold'; }
});
