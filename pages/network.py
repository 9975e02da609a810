"""Network view: who is connected to whom, with the claims panel beside it."""

from components.layout import view_page
from components.network import load_library, render_network

load_library()
view_page("network", lambda analysis, focus: render_network(analysis, focus, key="network"))
