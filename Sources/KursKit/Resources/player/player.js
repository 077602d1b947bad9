// player.js: the learner's interface in the page (work in progress on branch player).
"use strict";
const KursPlayer = {
  start(options) {},
};
