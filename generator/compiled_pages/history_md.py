"""history.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "9664ff46efc747f2e239ae6f916fddfd22df682bd2ff033f8b84e768433e4d26"
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
    l_0_ready_made = resolve('ready_made')
    l_0_verdict_names = l_0_status_names = l_0_timeline_and_versions = missing
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
    yield '\n\n'
    l_1_timeline = resolve('timeline')
    l_1_rows = resolve('rows')
    t_6 = []
    pass
    t_6.extend((
        '<figure class="statement-timeline" aria-labelledby="timeline-',
        escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id'))),
        '-caption">\n',
        escape(environment.finalize(environment.getattr((undefined(name='timeline') if l_1_timeline is missing else l_1_timeline), 'horizontal'))),
        '\n',
        escape(environment.finalize(environment.getattr((undefined(name='timeline') if l_1_timeline is missing else l_1_timeline), 'vertical'))),
        '\n<figcaption id="timeline-',
        escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id'))),
        '-caption" class="statement-timeline__legend">\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><path class="tl-marker--material" d="M7,1 L13,7 L7,13 L1,7 Z" fill="currentColor"/></svg> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'material change'))),
        '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><circle class="tl-marker--change" cx="7" cy="7" r="5" fill="currentColor"/></svg> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'other change'))),
        '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><circle class="tl-marker--change tl-marker--upcoming" cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2"/></svg> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'upcoming'))),
        '</span>\n<span class="statement-timeline__key"><svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="8" cy="8" r="3" fill="currentColor"/></svg> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'in force'))),
        '</span>\n<span>',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stem length: words added + removed. Select a point to open that version.'))),
        '</span>\n</figcaption>\n</figure>\n\n<div class="statement-history" role="region" aria-label="',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions'))),
        '" tabindex="-1">\n<table class="statement-history-table">\n<caption>',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions of the %(title)s, newest first', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')))),
        '</caption>\n<thead><tr><th scope="col">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Version'))),
        '</th><th scope="col">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Change'))),
        '</th><th scope="col">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary'))),
        '</th><th scope="col"><span class="statement-sr">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Links'))),
        '</span></th></tr></thead>\n<tbody>\n',
    ))
    for l_2_row in (undefined(name='rows') if l_1_rows is missing else l_1_rows):
        l_2_time = resolve('time')
        l_2_public_assessment = resolve('public_assessment')
        l_2_ngettext = resolve('ngettext')
        l_2_original_wording = resolve('original_wording')
        l_2_borrowed = missing
        _loop_vars = {}
        pass
        t_6.extend((
            '<tr class="statement-row statement-row--',
            escape(environment.finalize(environment.getattr(l_2_row, 'status'))),
            '" id="v',
            escape(environment.finalize(environment.getattr(environment.getattr(l_2_row, 'version'), 'key'))),
            '">\n<th scope="row" data-label="',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Version', _loop_vars=_loop_vars))),
            '">\n<a class="statement-row__date" href="',
            escape(environment.finalize(environment.getattr(l_2_row, 'url'))),
            '">',
            escape(environment.finalize(context.call((undefined(name='time') if l_2_time is missing else l_2_time), environment.getattr(environment.getattr(l_2_row, 'version'), 'key'), environment.getattr(environment.getattr(l_2_row, 'version'), 'effective'), _loop_vars=_loop_vars))),
            '</a>\n<span class="statement-chip statement-chip--',
            escape(environment.finalize(environment.getattr(l_2_row, 'status'))),
            '">',
            escape(environment.finalize(environment.getitem((undefined(name='status_names') if l_0_status_names is missing else l_0_status_names), environment.getattr(l_2_row, 'status')))),
            '</span>\n<span class="statement-row__meta">',
        ))
        if (environment.getattr(environment.getattr(l_2_row, 'version'), 'last_updated') != environment.getattr(environment.getattr(l_2_row, 'version'), 'published')):
            pass
            t_6.append(
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Published %(date)s, updated %(updated)s', date=context.call((undefined(name='time') if l_2_time is missing else l_2_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_2_row, 'version'), 'published'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_2_row, 'version'), 'published'), _loop_vars=_loop_vars), updated=context.call((undefined(name='time') if l_2_time is missing else l_2_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_2_row, 'version'), 'last_updated'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_2_row, 'version'), 'last_updated'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))),
            )
        else:
            pass
            t_6.append(
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Published %(date)s', date=context.call((undefined(name='time') if l_2_time is missing else l_2_time), context.call(environment.getattr(environment.getattr(environment.getattr(l_2_row, 'version'), 'published'), 'isoformat'), _loop_vars=_loop_vars), environment.getattr(environment.getattr(l_2_row, 'version'), 'published'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))),
            )
        t_6.extend((
            '</span>\n</th>\n<td data-label="',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Change', _loop_vars=_loop_vars))),
            '">\n',
        ))
        if (not environment.getattr(l_2_row, 'changes')):
            pass
            t_6.append(
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'First version', _loop_vars=_loop_vars))),
            )
        elif environment.getattr(environment.getattr(l_2_row, 'version'), 'material'):
            pass
            t_6.extend((
                '<span class="statement-chip statement-chip--material">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Material', _loop_vars=_loop_vars))),
                '</span>',
            ))
        elif environment.getattr(environment.getattr(l_2_row, 'version'), 'review'):
            pass
            t_6.extend((
                '<span class="statement-reviewed">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reviewed: not a material change — %(reason)s', reason=environment.getattr(environment.getattr(l_2_row, 'version'), 'review'), _loop_vars=_loop_vars))),
                '</span>',
            ))
        elif (environment.getattr(l_2_row, 'verdict') and (undefined(name='public_assessment') if l_2_public_assessment is missing else l_2_public_assessment)):
            pass
            t_6.extend((
                '<span class="statement-assessment" title="',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "The generator's assessment; the version is not declared material", _loop_vars=_loop_vars))),
                '">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(verdict)s (assessed)', verdict=context.call(environment.getattr((undefined(name='verdict_names') if l_0_verdict_names is missing else l_0_verdict_names), 'get'), environment.getattr(environment.getattr(l_2_row, 'verdict'), 'verdict'), t_1(environment.getattr(environment.getattr(l_2_row, 'verdict'), 'verdict')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))),
                '</span>',
            ))
        else:
            pass
            t_6.append(
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not declared material', _loop_vars=_loop_vars))),
            )
        if (not t_5(environment.getattr(l_2_row, 'words_added'))):
            pass
            t_6.extend((
                '<span class="statement-row__size"><span class="statement-row__added">+',
                escape(environment.finalize(environment.getattr(l_2_row, 'words_added'))),
                '</span> <span class="statement-row__removed">&minus;',
                escape(environment.finalize(environment.getattr(l_2_row, 'words_removed'))),
                '</span> <span class="statement-row__unit">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'words', _loop_vars=_loop_vars))),
                '</span></span>',
            ))
        if environment.getattr(environment.getattr(l_2_row, 'version'), 'corrections'):
            pass
            t_6.extend((
                '<span class="statement-chip statement-chip--correction">',
                escape(environment.finalize(context.call((undefined(name='ngettext') if l_2_ngettext is missing else l_2_ngettext), '%(num)d correction', '%(num)d corrections', t_3(environment.getattr(environment.getattr(l_2_row, 'version'), 'corrections')), _loop_vars=_loop_vars))),
                '</span>',
            ))
        t_6.append(
            '</td>\n',
        )
        l_2_borrowed = context.call((undefined(name='original_wording') if l_2_original_wording is missing else l_2_original_wording), environment.getattr(l_2_row, 'version'), _loop_vars=_loop_vars)
        _loop_vars['borrowed'] = l_2_borrowed
        t_6.extend((
            '<td data-label="',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary', _loop_vars=_loop_vars))),
            '">',
        ))
        if (undefined(name='borrowed') if l_2_borrowed is missing else l_2_borrowed):
            pass
            t_6.extend((
                '<span class="statement-original-wording">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "In the original's words (%(language)s):", language=environment.getattr((undefined(name='borrowed') if l_2_borrowed is missing else l_2_borrowed), 'name'), _loop_vars=_loop_vars))),
                '</span> <span lang="',
                escape(environment.finalize(environment.getattr((undefined(name='borrowed') if l_2_borrowed is missing else l_2_borrowed), 'lang'))),
                '">',
                escape(environment.finalize(environment.getattr(environment.getattr(l_2_row, 'version'), 'summary'))),
                '</span>',
            ))
        else:
            pass
            t_6.append(
                escape(environment.finalize((environment.getattr(environment.getattr(l_2_row, 'version'), 'summary') or (context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not summarised.', _loop_vars=_loop_vars) if environment.getattr(l_2_row, 'changes') else '')))),
            )
        t_6.extend((
            '</td>\n<td class="statement-row__links">\n<ul class="statement-plain-list">\n<li><a href="',
            escape(environment.finalize(environment.getattr(l_2_row, 'url'))),
            '">',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read<span class="statement-sr"> the version effective %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_2_row, 'version'), 'effective')), _loop_vars=_loop_vars))),
            '</a></li>\n',
        ))
        if environment.getattr(l_2_row, 'changes'):
            pass
            t_6.extend((
                '<li><a href="',
                escape(environment.finalize(environment.getattr(l_2_row, 'changes'))),
                '">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed<span class="statement-sr"> on %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_2_row, 'version'), 'effective')), _loop_vars=_loop_vars))),
                '</a></li>\n<li><a href="',
                escape(environment.finalize((undefined(name='compare') if l_0_compare is missing else l_0_compare))),
                '?from=',
                escape(environment.finalize(environment.getattr(l_2_row, 'previous_key'))),
                '&amp;to=',
                escape(environment.finalize(environment.getattr(environment.getattr(l_2_row, 'version'), 'key'))),
                '">',
                escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare<span class="statement-sr"> with an earlier version</span>', _loop_vars=_loop_vars))),
                '</a></li>',
            ))
        t_6.extend((
            '<li><a href="',
            escape(environment.finalize(environment.getattr(l_2_row, 'source'))),
            '" type="text/markdown" download>',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Markdown<span class="statement-sr"> source of the version effective %(date)s</span>', date=t_2(environment.getattr(environment.getattr(l_2_row, 'version'), 'effective')), _loop_vars=_loop_vars))),
            '</a></li>\n</ul>\n</td>\n</tr>\n',
        ))
    l_2_row = l_2_time = l_2_public_assessment = l_2_ngettext = l_2_original_wording = l_2_borrowed = missing
    t_6.append(
        '</tbody>\n</table>\n</div>\n',
    )
    l_0_timeline_and_versions = (Markup if context.eval_ctx.autoescape else identity)(concat(t_6))
    context.vars['timeline_and_versions'] = l_0_timeline_and_versions
    context.exported_vars.add('timeline_and_versions')
    l_1_timeline = l_1_rows = missing
    yield escape(environment.finalize(context.call((undefined(name='ready_made') if l_0_ready_made is missing else l_0_ready_made), (undefined(name='timeline_and_versions') if l_0_timeline_and_versions is missing else l_0_timeline_and_versions))))

blocks = {}
debug_info = '1=46&2=49&3=53&5=55&8=63&9=65&10=67&11=69&12=71&13=73&14=75&15=77&16=79&20=81&22=83&23=85&25=94&26=104&27=108&28=110&29=114&30=119&32=131&33=134&34=167&35=178&37=188&38=192&41=213&42=218&43=226&44=237&7=246&53=250'
