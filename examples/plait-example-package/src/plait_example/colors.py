"""displaCy label colours: `plait.displacy` reads them from the plait_displacy_colors group."""

COLORS = {"COLOUR": "#ff6f61"}
