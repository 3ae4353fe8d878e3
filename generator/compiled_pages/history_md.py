"""history.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "b3dedda3d01244c3483974904309ccfc90acbd597f67c8b13280bb39d339ba45"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'history.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_statement = resolve('statement')
    l_0_compare = resolve('compare')
    l_0_timeline = resolve('timeline')
    l_0_rows = resolve('rows')
    l_0_verdict_names = l_0_status_names = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_verdict_names = {'none': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'None'), 'formatting': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Formatting'), 'editorial': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Editorial'), 'substantive': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Substantive'), 'material': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Material')}
    context.vars['verdict_names'] = l_0_verdict_names
    context.exported_vars.add('verdict_names')
    l_0_status_names = {'in-force': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'In force'), 'archived': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Archived'), 'upcoming': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Upcoming'), 'draft': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Draft')}
    context.vars['status_names'] = l_0_status_names
    context.exported_vars.add('status_names')
    yield '# '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s: history', title=t_4(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')))))
    yield '\n\n'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Every version of the %(title)s, newest first. Each has a permanent address; "What changed" shows a redline against the version before it, and you can <a href="%(url)s">compare any two versions</a>.', title=t_4(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')), url=(undefined(name='compare') if l_0_compare is missing else l_0_compare))))
    yield '\n\n<figure class="statement-timeline" aria-labelledby="timeline-'
    yield escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id')))
    yield '-caption">\n'
    yield escape(environment.finalize(environment.getattr((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'horizontal')))
    yield '\n'
    yield escape(environment.finalize(environment.getattr((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'vertical')))
    yield '\n<figcaption id="timeline-'
    yield escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id')))
    yield '-caption" class="statement-timeline__legend">\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><path class="tl-marker--material" d="M7,1 L13,7 L7,13 L1,7 Z" fill="currentColor"/></svg> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'material change')))
    yield '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><circle class="tl-marker--change" cx="7" cy="7" r="5" fill="currentColor"/></svg> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'other change')))
    yield '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><circle class="tl-marker--change tl-marker--upcoming" cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2"/></svg> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'upcoming')))
    yield '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="8" cy="8" r="3" fill="currentColor"/></svg> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'in force')))
    yield '</span>\n<span>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stem length: words added + removed. Select a point to open that version.')))
    yield '</span>\n</figcaption>\n</figure>\n\n<div class="statement-history" role="region" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions')))
    yield '" tabindex="-1">\n<table class="statement-history-table">\n<caption>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions of the %(title)s, newest first', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title'))))
    yield '</caption>\n<thead><tr><th scope="col">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Version')))
    yield '</th><th scope="col">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Change')))
    yield '</th><th scope="col">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary')))
    yield '</th><th scope="col"><span class="statement-sr">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Links')))
    yield '</span></th></tr></thead>\n<tbody>\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        l_1_time = resolve('time')
        l_1_public_assessment = resolve('public_assessment')
        l_1_ngettext = resolve('ngettext')
        l_1_original_wording = resolve('original_wording')
        l_1_borrowed = missing
        _loop_vars = {}
        pass
        yield '<tr class="statement-row statement-row--'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'status')))
        yield '" id="v'
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'version'), 'key')))
        yield '">\n<th scope="row" data-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Version', _loop_vars=_loop_vars)))
        yield '">\n<a class="statement-row__date" href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'url')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='time') if l_1_time is missing else l_1_time), environment.getattr(environment.getattr(l_1_row, 'version'), 'key'), environment.getattr(environment.getattr(l_1_row, 'version'), 'effective'), _loop_vars=_loop_vars)))
        yield '</a>\n<span class="statement-chip statement-chip--'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'status')))
        yield '">'
        yield escape(environment.finalize(environment.getitem((undefined(name='status_names') if l_0_status_names is missing else l_0_status_names), environment.getattr(l_1_row, 'status'))))
        yield '</span>\n<span class="statement-row__meta">'
        if (environment.getattr(environment.getattr(l_1_row, 'version'), 'last_updated') != environment.getattr(environment.getattr(l_1_row, 'version'), 'published')):
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Published %(date)s, updated %(updated)s', date=context.call((undefined(name='time') if l_1_time is missing else l_1_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_1_row, 'version'), 'published'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_1_row, 'version'), 'published'), _loop_vars=_loop_vars), updated=context.call((undefined(name='time') if l_1_time is missing else l_1_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_1_row, 'version'), 'last_updated'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_1_row, 'version'), 'last_updated'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
        else:
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Published %(date)s', date=context.call((undefined(name='time') if l_1_time is missing else l_1_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_1_row, 'version'), 'published'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_1_row, 'version'), 'published'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
        yield '</span>\n</th>\n<td data-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Change', _loop_vars=_loop_vars)))
        yield '">\n'
        if (not environment.getattr(l_1_row, 'changes')):
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'First version', _loop_vars=_loop_vars)))
        elif environment.getattr(environment.getattr(l_1_row, 'version'), 'material'):
            pass
            yield '<span class="statement-chip statement-chip--material">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Material', _loop_vars=_loop_vars)))
            yield '</span>'
        elif environment.getattr(environment.getattr(l_1_row, 'version'), 'review'):
            pass
            yield '<span class="statement-reviewed">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reviewed: not a material change — %(reason)s', reason=environment.getattr(environment.getattr(l_1_row, 'version'), 'review'), _loop_vars=_loop_vars)))
            yield '</span>'
        elif (environment.getattr(l_1_row, 'verdict') and (undefined(name='public_assessment') if l_1_public_assessment is missing else l_1_public_assessment)):
            pass
            yield '<span class="statement-assessment" title="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "The generator's assessment; the version is not declared material", _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(verdict)s (assessed)', verdict=context.call(environment.getattr((undefined(name='verdict_names') if l_0_verdict_names is missing else l_0_verdict_names), 'get'), environment.getattr(environment.getattr(l_1_row, 'verdict'), 'verdict'), t_1(environment.getattr(environment.getattr(l_1_row, 'verdict'), 'verdict')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '</span>'
        else:
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not declared material', _loop_vars=_loop_vars)))
        if (not t_5(environment.getattr(l_1_row, 'words_added'))):
            pass
            yield '<span class="statement-row__size"><span class="statement-row__added">+'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'words_added')))
            yield '</span> <span class="statement-row__removed">&minus;'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'words_removed')))
            yield '</span> <span class="statement-row__unit">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'words', _loop_vars=_loop_vars)))
            yield '</span></span>'
        if environment.getattr(environment.getattr(l_1_row, 'version'), 'corrections'):
            pass
            yield '<span class="statement-chip statement-chip--correction">'
            yield escape(environment.finalize(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d correction', '%(num)d corrections', t_3(environment.getattr(environment.getattr(l_1_row, 'version'), 'corrections')), _loop_vars=_loop_vars)))
            yield '</span>'
        yield '</td>\n'
        l_1_borrowed = context.call((undefined(name='original_wording') if l_1_original_wording is missing else l_1_original_wording), environment.getattr(l_1_row, 'version'), _loop_vars=_loop_vars)
        _loop_vars['borrowed'] = l_1_borrowed
        yield '<td data-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary', _loop_vars=_loop_vars)))
        yield '">'
        if (undefined(name='borrowed') if l_1_borrowed is missing else l_1_borrowed):
            pass
            yield '<span class="statement-original-wording">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "In the original's words (%(language)s):", language=environment.getattr((undefined(name='borrowed') if l_1_borrowed is missing else l_1_borrowed), 'name'), _loop_vars=_loop_vars)))
            yield '</span> <span lang="'
            yield escape(environment.finalize(environment.getattr((undefined(name='borrowed') if l_1_borrowed is missing else l_1_borrowed), 'lang')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'version'), 'summary')))
            yield '</span>'
        else:
            pass
            yield escape(environment.finalize((environment.getattr(environment.getattr(l_1_row, 'version'), 'summary') or (context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not summarised.', _loop_vars=_loop_vars) if environment.getattr(l_1_row, 'changes') else ''))))
        yield '</td>\n<td class="statement-row__links">\n<ul class="statement-plain-list">\n<li><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'url')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read<span class="statement-sr"> the version effective %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_1_row, 'version'), 'effective')), _loop_vars=_loop_vars)))
        yield '</a></li>\n'
        if environment.getattr(l_1_row, 'changes'):
            pass
            yield '<li><a href="'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'changes')))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed<span class="statement-sr"> on %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_1_row, 'version'), 'effective')), _loop_vars=_loop_vars)))
            yield '</a></li>\n<li><a href="'
            yield escape(environment.finalize((undefined(name='compare') if l_0_compare is missing else l_0_compare)))
            yield '?from='
            yield escape(environment.finalize(environment.getattr(l_1_row, 'previous_key')))
            yield '&amp;to='
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'version'), 'key')))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare<span class="statement-sr"> with an earlier version</span>', _loop_vars=_loop_vars)))
            yield '</a></li>'
        yield '<li><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'source')))
        yield '" type="text/markdown" download>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Markdown<span class="statement-sr"> source of the version effective %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_1_row, 'version'), 'effective')), _loop_vars=_loop_vars)))
        yield '</a></li>\n</ul>\n</td>\n</tr>\n'
    l_1_row = l_1_time = l_1_public_assessment = l_1_ngettext = l_1_original_wording = l_1_borrowed = missing
    yield '</tbody>\n</table>\n</div>'

blocks = {}
debug_info = '1=47&2=50&3=54&5=56&7=58&8=60&9=62&10=64&11=66&12=68&13=70&14=72&15=74&19=76&21=78&22=80&24=88&25=97&26=101&27=103&28=107&29=111&31=118&32=120&33=143&34=152&36=158&37=161&40=176&41=180&42=187&43=196'
