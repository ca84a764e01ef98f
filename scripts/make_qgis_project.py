#!/usr/bin/python3
"""Writes styles/kuril.qgs: a QGIS project over output/kuril.gpkg (relative path) whose layers carry
the styles of styles/*.qml and their temporal settings, with the project's time range from 1855-02-07 to
a placeholder day that `kuril build` replaces with today. QGIS 3.22 applies a GeoPackage's default
styles on open but resets their temporal settings; a project keeps them, so the Temporal Controller
animates the layers as soon as the project is opened.
Run once after a build, with QGIS installed: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_qgis_project.py"""
import os
import shutil
import sys
import tempfile

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDateTimeRange, QgsProject, QgsUnitTypes,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
gpkg = os.path.join(here, "output", "kuril.gpkg")
PLACEHOLDER_END = QDate(2999, 12, 31)
# Top to bottom; the snapshots and the overlapping record layers start switched off.
LAYERS = [("places", True), ("labels", True), ("boundaries", True), ("views", True), ("sovereignty", False),
          ("territories", False), ("islands", False), ("snapshot_today", False), ("snapshot_1956", False),
          ("snapshot_1945", False), ("snapshot_1905", False),
          ("snapshot_1875", False), ("snapshot_1855", False)]

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
    project.addMapLayer(layer)
    project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(visible)
ts = project.timeSettings()
ts.setTemporalRange(QgsDateTimeRange(QDateTime(QDate(1855, 2, 7), QTime(0, 0), Qt.UTC),
                                     QDateTime(PLACEHOLDER_END, QTime(0, 0), Qt.UTC)))
ts.setTimeStep(1)
ts.setTimeStepUnit(QgsUnitTypes.TemporalYears)
target = os.path.join(work, "kuril.qgs")
if not project.write(target):
    sys.exit("cannot write the project")
shutil.copy(target, os.path.join(here, "styles", "kuril.qgs"))
print("wrote styles/kuril.qgs")
app.exitQgis()
