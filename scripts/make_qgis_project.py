#!/usr/bin/python3
"""Writes styles/kuril.qgs: a QGIS project over output/kuril.gpkg (relative path) whose layers carry
the styles of styles/*.qml and their temporal settings, with the project's time range from 1855-02-07 to
a placeholder day that `kuril build` replaces with today, and a print layout "Kuril atlas" whose atlas
pages through the epochs layer (one page per epoch and today): the map item's time range follows the
atlas feature, with title, legend filtered to what the map shows, scale bar and a graticule. QGIS 3.22 applies a GeoPackage's default
styles on open but resets their temporal settings; a project keeps them, so the Temporal Controller
animates the layers as soon as the project is opened.
Run once after a build, with QGIS installed: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_qgis_project.py"""
import os
import shutil
import sys
import tempfile

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDateTimeRange,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemMapGrid, QgsLayoutItemPage,
                       QgsLayoutItemScaleBar, QgsLayoutObject, QgsLayoutPoint, QgsLayoutSize, QgsLegendStyle, QgsPrintLayout, QgsProject,
                       QgsProperty, QgsRectangle, QgsTextFormat, QgsUnitTypes, QgsVectorLayer)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
gpkg = os.path.join(here, "output", "kuril.gpkg")
PLACEHOLDER_END = QDate(2999, 12, 31)
# Top to bottom; the snapshots and the overlapping record layers start switched off.
LAYERS = [("epochs", False), ("places", True), ("labels", True), ("boundaries", True), ("coastline", True), ("views", True), ("sovereignty", False),
          ("territories", False), ("islands", False), ("snapshot_today", False), ("snapshot_1956", False),
          ("snapshot_1945", False), ("snapshot_1905", False),
          ("snapshot_1875", False), ("snapshot_1855", False), ("context", True)]

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
work = tempfile.mkdtemp()
shutil.copy(gpkg, os.path.join(work, "kuril.gpkg"))
project = QgsProject.instance()
project.writeEntryBool("Paths", "/Absolute", False)
project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
project.setTitle("Kuril Atlas")
for name, visible in reversed(LAYERS):
    layer = QgsVectorLayer(f"{os.path.join(work, 'kuril.gpkg')}|layername={name}", name, "ogr")
    if not layer.isValid():
        sys.exit(f"cannot open {name}")
    style = "snapshot" if name.startswith("snapshot_") else name
    _, ok = layer.loadNamedStyle(os.path.join(here, "styles", f"{style}.qml"))
    if not ok:
        sys.exit(f"cannot load the style of {name}")
    # The layer's metadata as the GeoPackage gives it (the project stores its own copy, which QGIS shows):
    # a dated layer's time range ends on the placeholder day, which kuril build replaces with today.
    metadata = layer.metadata()
    if metadata.extent().temporalExtents():
        extent = metadata.extent()
        extent.setTemporalExtents([QgsDateTimeRange(QDateTime(QDate(1855, 2, 7), QTime(0, 0), Qt.UTC),
                                                    QDateTime(PLACEHOLDER_END, QTime(0, 0), Qt.UTC))])
        metadata.setExtent(extent)
        layer.setMetadata(metadata)
    project.addMapLayer(layer)
    project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(visible)
ts = project.timeSettings()
ts.setTemporalRange(QgsDateTimeRange(QDateTime(QDate(1855, 2, 7), QTime(0, 0), Qt.UTC),
                                     QDateTime(PLACEHOLDER_END, QTime(0, 0), Qt.UTC)))
ts.setTimeStep(1)
ts.setTimeStepUnit(QgsUnitTypes.TemporalYears)


# The legend's layer names, as the print maps name what they draw.
LEGEND_TITLES = {"views": "Holder (neutral view)", "boundaries": "Boundary lines", "places": "Settlements",
                 "context": "Land outside the record"}


def print_layout(project, layers):
    """The atlas layout: A4 landscape, a page per feature of the epochs layer."""
    mm = QgsUnitTypes.LayoutMillimeters
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Kuril atlas")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
    lcc = QgsCoordinateReferenceSystem.fromProj(
        "+proj=lcc +lat_1=43 +lat_2=49.8 +lat_0=46.4 +lon_0=149.25 +datum=WGS84 +units=m +no_defs")
    m = QgsLayoutItemMap(layout)
    m.setId("map")
    m.attemptMove(QgsLayoutPoint(10, 24, mm))
    m.attemptResize(QgsLayoutSize(205, 178, mm))
    m.setCrs(lcc)
    to_lcc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), lcc, project)
    m.setExtent(to_lcc.transformBoundingBox(QgsRectangle(141.0, 41.3, 157.5, 51.5)))
    m.setLayers([layers[n] for n in ("places", "labels", "boundaries", "coastline", "views", "context")])
    m.setKeepLayerSet(True)
    m.setFrameEnabled(True)
    m.setBackgroundColor(QColor(223, 233, 240))  # the sea, as styles/palette.json has it
    # The map's time follows the atlas page: the epoch's day.
    m.setIsTemporal(True)
    day = "to_datetime(attribute(@atlas_feature, 'date') || 'T00:00:00')"
    m.dataDefinedProperties().setProperty(QgsLayoutObject.StartDateTime, QgsProperty.fromExpression(day))
    m.dataDefinedProperties().setProperty(QgsLayoutObject.EndDateTime,
                                          QgsProperty.fromExpression(f"{day} + to_interval('12 hours')"))
    grid = QgsLayoutItemMapGrid("graticule", m)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setIntervalX(2)
    grid.setIntervalY(2)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.DegreeMinuteNoSuffix)
    grid.setAnnotationPrecision(0)
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans"))
    text.setSize(6)
    grid.setAnnotationTextFormat(text)
    m.grids().addGrid(grid)
    layout.addLayoutItem(m)
    title = QgsLayoutItemLabel(layout)
    title.setText("[% format_date(to_date(attribute(@atlas_feature, 'date')), 'd MMMM yyyy') %] — "
                  "[% attribute(@atlas_feature, 'name_en') %]")
    title.setFont(QFont("Noto Sans", 16, QFont.Bold))
    title.attemptMove(QgsLayoutPoint(10, 6, mm))
    title.attemptResize(QgsLayoutSize(205, 12, mm))
    layout.addLayoutItem(title)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")
    legend.setLinkedMap(m)
    legend.setLegendFilterByMapEnabled(True)  # only what the map shows
    # The layers under names a reader understands, in the sheet's words; the island names and the coast,
    # which have no symbol to explain, left out.
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    for node in list(root.findLayers()):
        title = LEGEND_TITLES.get(node.layer().name())
        if title:
            node.setCustomProperty("legend/title-label", title)
        else:
            node.parent().removeChildNode(node)
    legend.rstyle(QgsLegendStyle.Title).setFont(QFont("Noto Sans", 9, QFont.Bold))
    legend.rstyle(QgsLegendStyle.Subgroup).setFont(QFont("Noto Sans", 7, QFont.Bold))
    label_font = QFont("Noto Sans")
    label_font.setPointSizeF(6.5)
    legend.rstyle(QgsLegendStyle.SymbolLabel).setFont(label_font)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    legend.attemptMove(QgsLayoutPoint(219, 24, mm))
    layout.addLayoutItem(legend)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(4)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(100)
    bar_text = QgsTextFormat()  # the sheet's scale bar: Noto Sans 6 pt
    bar_text.setFont(QFont("Noto Sans"))
    bar_text.setSize(6)
    bar.setTextFormat(bar_text)
    bar.setHeight(1.5)
    bar.attemptMove(QgsLayoutPoint(222, 150, mm))
    layout.addLayoutItem(bar)
    ratio = QgsLayoutItemLabel(layout)  # and its ratio beneath, as the sheet gives it: 1 : 6 700 000
    ratio.setText("1 : [% replace(format_number(round(map_get(item_variables('map'), 'map_scale'), -5), 0), ',', ' ') %]")
    ratio.setFont(QFont("Noto Sans", 6))
    ratio.attemptMove(QgsLayoutPoint(222, 159, mm))
    ratio.attemptResize(QgsLayoutSize(60, 4, mm))
    layout.addLayoutItem(ratio)
    note = QgsLayoutItemLabel(layout)
    note.setText("Point of view: neutral (who held the land on the day). Lambert conformal conic, standard parallels "
                 "43° N and 49.8° N. Coastline: GSHHG 2.3.7 full resolution, P. Wessel and W. H. F. Smith (LGPL-3.0). "
                 "Records and their sources: the Kuril Atlas dataset.")
    note.setFont(QFont("Noto Sans", 6))
    note.attemptMove(QgsLayoutPoint(222, 166, mm))
    note.attemptResize(QgsLayoutSize(68, 30, mm))
    layout.addLayoutItem(note)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["epochs"])
    atlas.setHideCoverage(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression("page")
    atlas.setPageNameExpression("date")
    atlas.setEnabled(True)
    project.layoutManager().addLayout(layout)


print_layout(project, {l.name(): l for l in project.mapLayers().values()})
target = os.path.join(work, "kuril.qgs")
if not project.write(target):
    sys.exit("cannot write the project")
shutil.copy(target, os.path.join(here, "styles", "kuril.qgs"))
print("wrote styles/kuril.qgs")
app.exitQgis()
