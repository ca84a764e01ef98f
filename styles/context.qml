<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Kuril Atlas: the land around the record, a quiet grey without outline (the coastline layer draws the coast) -->
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
<renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><symbols><symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" type="QString" value="232,230,225,255"/><Option name="outline_style" type="QString" value="no"/><Option name="style" type="QString" value="solid"/></Option></layer></symbol></symbols></renderer-v2>
</qgis>
