"""Network view: who is connected to whom, with the claims panel beside it."""

from components.layout import view_page
from components.network import load_library, render_filters, render_network

load_library()
view_page(
    "network",
    lambda analysis, focus, filters: render_network(analysis, focus, key="network", filters=filters),
    # the filters sit above the network, outside the fragment a focus change reruns
    controls=lambda analysis: render_filters(analysis, key="network"),
)
