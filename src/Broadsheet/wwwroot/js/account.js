// The masthead's account menu: pages are cached for everyone and show "Sign in"; a signed-in reader's
// own menu (their name, their comments and data, sign-out with its token) comes from an uncached
// fragment. Only readers who have signed in on this browser ask for it, so the rest cost nothing.
(function () {
  var spot = document.getElementById("account-menu");
  if (!spot || !/(?:^|; )broadsheet\.reader=1/.test(document.cookie)) return;
  fetch("/account/menu?back=" + encodeURIComponent(location.pathname), { credentials: "same-origin" })
    .then(function (r) {
      // Signed out elsewhere or expired: forget the marker, so the next page asks nothing.
      if (r.status === 204) document.cookie = "broadsheet.reader=; max-age=0; path=/; samesite=lax";
      return r.status === 200 ? r.text() : null;
    })
    .then(function (html) { if (html) spot.innerHTML = html; })
    .catch(function () {});
})();
