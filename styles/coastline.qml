<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Kuril Atlas: the coast as lines (clip edges of the data left out) -->
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
<renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><symbols><symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="line_color" type="QString" value="90,90,90,255"/><Option name="line_style" type="QString" value="solid"/><Option name="line_width" type="QString" value="0.2"/><Option name="line_width_unit" type="QString" value="MM"/></Option></layer></symbol></symbols></renderer-v2>
</qgis>
