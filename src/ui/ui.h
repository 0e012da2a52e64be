// The ImGui layer: panels, the ImDrawList chart painter, fonts, UI strings, and the window /
// offscreen-context glue. Depends on indtrack_core; the core never depends on it.
#pragma once
