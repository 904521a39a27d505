// graphene-django's graphiql.js reads its settings from window.GRAPHENE_SETTINGS; the page
// carries them as data attributes, since a strict Content-Security-Policy refuses inline scripts.
(function () {
  var data = document.getElementById("editor").dataset;
  window.GRAPHENE_SETTINGS = {
    graphiqlHeaderEditorEnabled: data.headerEditorEnabled === "true",
    graphiqlShouldPersistHeaders: data.shouldPersistHeaders === "true",
    graphiqlInputValueDeprecation: data.inputValueDeprecation === "true",
  };
})();
