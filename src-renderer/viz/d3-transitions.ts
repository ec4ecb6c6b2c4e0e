// d3's transitions install `selection.transition()` when their module loads. `d3` declares
// itself free of side effects, so a bundler drops that module unless it is imported by name.
import 'd3-transition';
