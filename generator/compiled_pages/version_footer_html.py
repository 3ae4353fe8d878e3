"""version_footer.html, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "93d487c4367d9eb1250c82113965e91f006b30ad4dff93d8575f95e7702f3492"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'version_footer.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_corrections = resolve('corrections')
    l_0__ = resolve('_')
    l_0_version = resolve('version')
    l_0_links = resolve('links')
    l_0_permalink = resolve('permalink')
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    pass
    if (undefined(name='corrections') if l_0_corrections is missing else l_0_corrections):
        pass
        yield '<section class="statement-corrections" aria-labelledby="corrections-heading">\n<h2 id="corrections-heading">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Corrections to this version')))
        yield '</h2>\n<p>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This version was corrected after it was published. Each correction is shown against the text before it.')))
        yield '</p>\n'
        for l_1_item in (undefined(name='corrections') if l_0_corrections is missing else l_0_corrections):
            l_1_time = resolve('time')
            _loop_vars = {}
            pass
            yield '<details class="statement-correction"><summary>'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Corrected on %(date)s', date=context.call((undefined(name='time') if l_1_time is missing else l_1_time), context.call(environment.getattr(context.call(environment.getattr(environment.getattr(environment.getattr(l_1_item, 'revision'), 'committed'), 'date'), _loop_vars=_loop_vars), 'isoformat'), _loop_vars=_loop_vars), context.call(environment.getattr(environment.getattr(environment.getattr(l_1_item, 'revision'), 'committed'), 'date'), _loop_vars=_loop_vars), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '</summary>\n<div class="redline">\n'
            yield escape(environment.finalize(environment.getattr(l_1_item, 'redline')))
            yield '\n</div>\n</details>\n'
        l_1_item = l_1_time = missing
        yield '</section>\n'
    yield '<p class="statement-print-only statement-print-foot">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s, version effective %(date)s, last updated %(updated)s.', title=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'title'), date=t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), updated=t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'last_updated')))))
    yield ' '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Permanent address:')))
    yield ' <a href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self')))
    yield '" data-statement-permalink>'
    yield escape(environment.finalize((undefined(name='permalink') if l_0_permalink is missing else l_0_permalink)))
    yield '</a></p>'

blocks = {}
debug_info = '1=22&3=25&4=27&5=29&9=34&11=36&17=41'
