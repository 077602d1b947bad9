// engine.js: the rules of Kurs in the browser, a mirror of Sources/KursKit/Engine (work in
// progress on branch player).
"use strict";
class KursEngine {}
