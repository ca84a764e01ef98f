<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Kuril Atlas: the epochs, the coverage of the print atlas (one page each); drawn as a thin frame when shown -->
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
<renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><symbols><symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="style" type="QString" value="no"/><Option name="outline_color" type="QString" value="120,120,120,255"/><Option name="outline_width" type="QString" value="0.3"/><Option name="outline_width_unit" type="QString" value="MM"/></Option></layer></symbol></symbols></renderer-v2>
</qgis>
