"""GEXF 1.3 and GraphML renderings of the co-participation network, for Gephi,
Cytoscape, networkx, igraph...

The renderers take the JSON representation of a network (`NetworkSerializer` data:
`{"nodes": [...], "edges": [...]}`) and write it with the standard library's
ElementTree. Nodes carry `name`, `kind` and `meetings`; edges carry `weight` and
`meeting_ids` (space-separated).

Time: GEXF is a dynamic graph (`mode="dynamic"`, `timeformat="date"`): every node and edge
has `start` and `end`, the first and last day of the meetings it stands for, so Gephi's
timeline shows the network grow and actors come and go. GraphML has no notion of time:
there the same days are the attributes `first_date` and `last_date` (ISO dates).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from events.api.renderers import FastJSONRenderer, ParleyBrowsableAPIRenderer

GEXF_NAMESPACE = "http://gexf.net/1.3"
GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
DESCRIPTION = "Parley co-participation network: actors tied by the meetings they shared."

# (name, GEXF type, GraphML type); a GEXF type of None: written natively, not as an
# attribute (`weight` on <edge>, the dates as the element's `start` and `end`). GraphML
# has no date type: dates are ISO strings.
NODE_ATTRIBUTES = (
    ("name", "string", "string"),
    ("kind", "string", "string"),
    ("meetings", "integer", "int"),
    ("first_date", None, "string"),
    ("last_date", None, "string"),
)
EDGE_ATTRIBUTES = (
    ("weight", None, "int"),
    ("meeting_ids", "string", "string"),
    ("first_date", None, "string"),
    ("last_date", None, "string"),
)


def lifetime(item: Mapping[str, Any]) -> dict[str, str]:
    """GEXF's `start` and `end` (inclusive days) of a node or edge."""
    return {"start": str(item["first_date"]), "end": str(item["last_date"])}


def attribute_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(item) for item in value)
    return str(value)


def to_xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


class GraphRenderer(BaseRenderer):
    """Base for the network file formats: adds a download file name."""

    charset = "utf-8"
    filename = "parley-network"

    def render(
        self,
        data: Mapping[str, Any],
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Disposition"] = (
                f'attachment; filename="{self.filename}.{self.format}"'
            )
        return to_xml(self.build(data))

    def build(self, data: Mapping[str, Any]) -> ET.Element:
        raise NotImplementedError


class GEXFRenderer(GraphRenderer):
    """GEXF 1.3 (https://gexf.net/), an undirected dynamic graph dated by day."""

    media_type = "application/gexf+xml"
    format = "gexf"

    def build(self, data: Mapping[str, Any]) -> ET.Element:
        root = ET.Element(
            "gexf",
            {
                "xmlns": GEXF_NAMESPACE,
                "xmlns:xsi": XSI_NAMESPACE,
                "xsi:schemaLocation": f"{GEXF_NAMESPACE} {GEXF_NAMESPACE}/gexf.xsd",
                "version": "1.3",
            },
        )
        meta = ET.SubElement(root, "meta")
        ET.SubElement(meta, "creator").text = "Parley"
        ET.SubElement(meta, "description").text = DESCRIPTION
        graph = ET.SubElement(
            root,
            "graph",
            {
                "defaultedgetype": "undirected",
                "mode": "dynamic",
                "timeformat": "date",
                "timerepresentation": "interval",
            },
        )
        for attribute_class, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
            declared = ET.SubElement(graph, "attributes", {"class": attribute_class})
            for name, gexf_type, _ in attributes:
                if gexf_type is not None:
                    ET.SubElement(
                        declared, "attribute", {"id": name, "title": name, "type": gexf_type}
                    )

        nodes = ET.SubElement(graph, "nodes")
        for node in data["nodes"]:
            element = ET.SubElement(
                nodes, "node", {"id": node["slug"], "label": node["name"], **lifetime(node)}
            )
            self.add_values(element, node, NODE_ATTRIBUTES)
        edges = ET.SubElement(graph, "edges")
        for number, edge in enumerate(data["edges"]):
            element = ET.SubElement(
                edges,
                "edge",
                {
                    "id": str(number),
                    "source": edge["source"],
                    "target": edge["target"],
                    "weight": str(edge["weight"]),
                    **lifetime(edge),
                },
            )
            self.add_values(element, edge, EDGE_ATTRIBUTES)
        return root

    @staticmethod
    def add_values(element: ET.Element, item: Mapping[str, Any], attributes: tuple) -> None:
        values = ET.SubElement(element, "attvalues")
        for name, gexf_type, _ in attributes:
            if gexf_type is not None:
                ET.SubElement(
                    values, "attvalue", {"for": name, "value": attribute_text(item[name])}
                )


class GraphMLRenderer(GraphRenderer):
    """GraphML (http://graphml.graphdrawing.org/), an undirected graph."""

    media_type = "application/graphml+xml"
    format = "graphml"

    def build(self, data: Mapping[str, Any]) -> ET.Element:
        root = ET.Element(
            "graphml",
            {
                "xmlns": GRAPHML_NAMESPACE,
                "xmlns:xsi": XSI_NAMESPACE,
                "xsi:schemaLocation": f"{GRAPHML_NAMESPACE} {GRAPHML_NAMESPACE}/1.0/graphml.xsd",
            },
        )
        for domain, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
            for name, _, graphml_type in attributes:
                ET.SubElement(
                    root,
                    "key",
                    {
                        "id": name,
                        "for": domain,
                        "attr.name": name,
                        "attr.type": graphml_type,
                    },
                )
        graph = ET.SubElement(root, "graph", {"id": "parley", "edgedefault": "undirected"})
        for node in data["nodes"]:
            element = ET.SubElement(graph, "node", {"id": node["slug"]})
            self.add_data(element, node, NODE_ATTRIBUTES)
        for number, edge in enumerate(data["edges"]):
            element = ET.SubElement(
                graph,
                "edge",
                {"id": f"e{number}", "source": edge["source"], "target": edge["target"]},
            )
            self.add_data(element, edge, EDGE_ATTRIBUTES)
        return root

    @staticmethod
    def add_data(element: ET.Element, item: Mapping[str, Any], attributes: tuple) -> None:
        for name, _, _ in attributes:
            ET.SubElement(element, "data", {"key": name}).text = attribute_text(item[name])


class GraphFormatsMixin:
    """For views answering a network: JSON by default, GEXF and GraphML on request.

    Errors (400, 404...) and the OPTIONS description are answered in JSON whatever
    format was asked for: neither is a graph.
    """

    renderer_classes = (
        FastJSONRenderer,
        ParleyBrowsableAPIRenderer,
        GEXFRenderer,
        GraphMLRenderer,
    )

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        not_a_graph = getattr(response, "exception", False) or request.method == "OPTIONS"
        if not_a_graph and isinstance(getattr(request, "accepted_renderer", None), GraphRenderer):
            request.accepted_renderer = FastJSONRenderer()
            request.accepted_media_type = FastJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
