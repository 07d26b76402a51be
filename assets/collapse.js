// The one Bootstrap plugin the site uses: Collapse, for the practice menu's toggle on a phone
// (practices/templates/practices/base_practice.html). Importing it registers its data-bs-toggle="collapse" handler.
import "bootstrap/js/src/collapse.js";
