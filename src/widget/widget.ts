// dist/widget.js: `<script type="module" src=".../widget.js"></script>` and
// `<broadsheet-feed></broadsheet-feed>` anywhere on the page.
import { defineElement } from './element.tsx';

defineElement();
