// Starts Swagger UI on the API documentation page, from the project's own copy (drf-spectacular-sidecar): no CDN,
// no inline script, no validator badge (it would ask a server elsewhere). Without JavaScript the page still
// links to the schema itself.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) {
    return;
  }
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    validatorUrl: null,
    deepLinking: false,
    supportedSubmitMethods: ["get", "head"],
    defaultModelsExpandDepth: 0,
  });
})();
