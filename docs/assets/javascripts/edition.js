/*
 * Mark links that stay on this site (data-internal), so that the print
 * stylesheet shows the address only of links that leave it. CSS alone cannot
 * tell: Material's instant navigation rewrites every href to an absolute
 * address, so a[href^="http"] also matches the site's own links. Runs on
 * every page Material loads (document$ fires after each instant navigation).
 */
document$.subscribe(function () {
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    if (link.host === location.host) {
      link.setAttribute("data-internal", "")
    }
  })
})
