// PurgeCSS keeps the Bootstrap rules whose classes, ids and elements occur in the project's templates, Python and
// scripts (`make css`; the result is committed as static/vendor/bootstrap/bootstrap.min.css). A class that is
// built at run time and so never occurs whole in a file belongs in the safelist below, with the reason.
const crispyTemplates = process.env.CRISPY_TEMPLATES;
if (!crispyTemplates) {
  throw new Error("CRISPY_TEMPLATES must name crispy_bootstrap5's templates folder (make css sets it)");
}

module.exports = {
  css: ["node_modules/bootstrap/dist/css/bootstrap.css"],
  content: [
    "templates/**/*.html",
    "*/templates/**/*.html",
    "accounts/**/*.py",
    "catalog/**/*.py",
    "practices/**/*.py",
    "training/**/*.py",
    "toolkit/**/*.py",
    "static/js/*.js",
    // Form fields rendered by crispy-forms carry the classes of its Bootstrap 5 templates (is-invalid,
    // invalid-feedback, form-check, …), so those templates count as the site's own.
    `${crispyTemplates}/**/*.html`,
  ],
  skippedContentGlobs: ["**/migrations/**"],
  safelist: {
    standard: [
      // Set by Bootstrap's Collapse (static/vendor/bootstrap/collapse.min.js) while the practice menu opens.
      "show",
      "collapsing",
      "collapsed",
      // Message levels become alert-<level> in templates/base.html ("error" is written as danger there).
      "alert-info",
      "alert-success",
      "alert-warning",
      "alert-danger",
      // Curator Markdown (toolkit/markdown.py) may hold any of its allowed elements, whatever the templates use.
      "a", "abbr", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li",
      "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "img", "sub", "sup", "mark",
      "small", "kbd", "caption", "figure", "figcaption",
      // Reboot's base: the page itself and focus handling.
      "html", "body", ":root",
    ],
  },
};
